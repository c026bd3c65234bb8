using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Core.Statistics;
using LutonCancerSurvey.Core.Tests.Support;

namespace LutonCancerSurvey.Core.Tests.Queries;

/// <summary>
/// A funnel built from a hand-written baseline: centre 60 %, no spread between organisations (τ² = 0), so that with
/// 100 respondents the 95 % limits are 60 ± 1.96 × √24 (50.40 to 69.60) and the 99.8 % ones 60 ± 3.09 × √24
/// (44.86 to 75.14); with 400, 60 ± 4.80 and 60 ± 7.57.
/// </summary>
public sealed class QuestionFunnelTests
{
    private static readonly FunnelBaseline Baseline = new(
        Scoring.PercentPositive, Centre: 60, StandardDeviation: null, TauSquared: 0, Phi: 1, TauSource.ZScores, Organisations: 3);

    private static readonly IReadOnlyList<FunnelEntry> Peers =
    [
        new("99A", "NHS Alpha CCG", 100, 72),
        new("99B", "NHS Beta CCG", 60, 60),
        new("99C", "NHS Gamma CCG", 400, 80),
    ];

    [Fact]
    public void Build_WithAScoreBetweenTheTwoUpperLimits_IsWithinAt998ButAboveAt95()
    {
        var own = Figures.Of(ResultBasis.Adjusted, 72, respondents: 100, band: Band.Within, expectedLower: 51, expectedUpper: 69);

        var funnel = QuestionFunnel.Build(Baseline, Peers, own, OrganisationLevel.Ccg, curvePoints: 5);

        funnel.Position.Should().Be(FunnelPosition.WithinLimits);
        funnel.PositionAt95.Should().Be(FunnelPosition.AboveUpperLimit);
        funnel.OwnLimitsAt95!.Value.Lower.Should().BeApproximately(50.398, 0.001);
        funnel.OwnLimitsAt95!.Value.Upper.Should().BeApproximately(69.602, 0.001);
        funnel.PublishedBand.Should().Be(Band.Within);
        funnel.PublishedRange.Should().Be(new Interval(51, 69));
        funnel.DiffersFromPublished.Should().BeTrue();
    }

    [Fact]
    public void Build_CountsThePeersOutsideEachPairOfLimits()
    {
        var funnel = QuestionFunnel.Build(Baseline, Peers, own: null, OrganisationLevel.Ccg, curvePoints: 5);

        funnel.Outside.Should().Be(new OutsideCounts(Plotted: 3, Outside95: 2, Outside998: 1));
        funnel.Curve.Should().HaveCount(5);
        funnel.Position.Should().BeNull();
    }

    [Fact]
    public void Build_WithTheOwnFigureSuppressed_PlacesItNowhereAndShowsNoBandOrRange()
    {
        var own = Figures.Of(
            ResultBasis.Adjusted, 72, respondents: 14, band: Band.Within, expectedLower: 51, expectedUpper: 69, suppression: Suppression.FewRespondents);

        var funnel = QuestionFunnel.Build(Baseline, Peers, own, OrganisationLevel.Ccg, curvePoints: 5);

        funnel.Position.Should().BeNull();
        funnel.PositionAt95.Should().BeNull();
        funnel.OwnLimitsAt95.Should().BeNull();
        funnel.PublishedBand.Should().BeNull();
        funnel.PublishedRange.Should().BeNull();
    }
}
