using BenchmarkDotNet.Attributes;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Statistics;

namespace LutonCancerSurvey.Benchmarks;

/// <summary>The funnel drawn on every question page, and the interval computed for every figure shown.</summary>
[MemoryDiagnoser]
public class StatisticsBenchmarks
{
    // Fields, not constants, so the JIT cannot fold the calls away.
    private double _percent = 72.5;
    private int _respondents = 430;

    private FunnelBaseline _baseline = new(Scoring.PercentPositive, 72.5, null, 4, 1.6, TauSource.ZScores, 145);

    [Benchmark]
    public IReadOnlyList<FunnelPoint> FunnelCurve() => _baseline.Curve(21, 2_000, 100, 0.998);

    [Benchmark]
    public double WilsonInterval() => Proportions.WilsonInterval(_percent, _respondents).Lower;
}
