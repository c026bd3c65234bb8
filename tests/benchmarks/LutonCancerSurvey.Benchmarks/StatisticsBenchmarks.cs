using BenchmarkDotNet.Attributes;
using LutonCancerSurvey.Core.Statistics;

namespace LutonCancerSurvey.Benchmarks;

/// <summary>The funnel drawn on every question page, and the interval computed for every figure shown.</summary>
[MemoryDiagnoser]
public class StatisticsBenchmarks
{
    // Fields, not constants, so the JIT cannot fold the calls away.
    private double _percent = 72.5;
    private int _respondents = 430;

    [Benchmark]
    public IReadOnlyList<FunnelPoint> FunnelCurve() => Funnel.Curve(_percent, 21, 2_000, 100, 0.998);

    [Benchmark]
    public double WilsonInterval() => Proportions.WilsonInterval(_percent, _respondents).Lower;
}
