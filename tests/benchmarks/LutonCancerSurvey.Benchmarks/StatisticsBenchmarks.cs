using BenchmarkDotNet.Attributes;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Statistics;

namespace LutonCancerSurvey.Benchmarks;

/// <summary>The funnel drawn on every question page.</summary>
[MemoryDiagnoser]
public class StatisticsBenchmarks
{
    private FunnelBaseline _baseline = new(Scoring.PercentPositive, 72.5, null, 4, 1.6, TauSource.ZScores, 145);

    [Benchmark]
    public IReadOnlyList<FunnelPoint> FunnelCurve() => _baseline.Curve(21, 2_000, 100, 0.998);
}
