using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Core.Statistics;
using LutonCancerSurvey.Core.Tests.Support;

namespace LutonCancerSurvey.Core.Tests.Queries;

/// <summary>
/// Which figures a funnel is estimated from: every shown result of the level on the question's basis (not a suppressed
/// one, not another level's), against England's comparator, and a draft edition's only for those who may see drafts,
/// also when held. The estimate itself is <see cref="FunnelBaseline.Estimate"/>'s (tested in FunnelBaselineTests);
/// here it is given by hand the rows of <see cref="HandWrittenResults"/> that should reach it.
/// </summary>
public sealed class FunnelQueryTests(ReadFixture fixture) : IClassFixture<ReadFixture>
{
    [Fact]
    public async Task Baseline_OfCcgsOnAnAdjustedQuestion_IsEstimatedFromTheShownCcgsAgainstEnglandsUnadjustedScore()
    {
        // 99W is suppressed and the Alliance is not a CCG; England's comparator for an adjusted score is its unadjusted one.
        var expected = FunnelBaseline.Estimate(
            Scoring.PercentPositive,
            FunnelBaseline.UnroundedCentre(60, 59.6, 60.4),
            [new FunnelPeer(140, 64, 56, 72, 55, 67), new FunnelPeer(150, 64, 56.3, 71.7, 55, 67), new FunnelPeer(160, 70, 62.9, 77.1, 55, 67)],
            caseMixAdjusted: true)! with { CentreIsIntervalMiddle = true };

        var baseline = await BaselineAsync(FixedViewer.Public, new FunnelBaselineCache(), 2018);

        baseline.Should().Be(expected);
        baseline!.Organisations.Should().Be(3);
    }

    [Fact]
    public async Task Baseline_OfADraftEdition_HeldForACommissioner_IsNoneForThePublic()
    {
        var cache = new FunnelBaselineCache();
        var expected = FunnelBaseline.Estimate(
            Scoring.PercentPositive,
            FunnelBaseline.UnroundedCentre(61, 60.6, 61.4),
            [new FunnelPeer(150, 66, 58, 74, 55, 67), new FunnelPeer(120, 55, 46, 64, 55, 67)],
            caseMixAdjusted: true)! with { CentreIsIntervalMiddle = true };

        var commissioner = await BaselineAsync(FixedViewer.Commissioner, cache, 2019);
        var visitor = await BaselineAsync(FixedViewer.Public, cache, 2019);

        commissioner.Should().Be(expected);
        visitor.Should().BeNull();
    }

    private async Task<FunnelBaseline?> BaselineAsync(IViewer viewer, FunnelBaselineCache cache, int year)
    {
        await using var db = fixture.Context(viewer);
        var query = new FunnelQuery(db, viewer, cache, new FixedVersion());
        return await query.BaselineAsync(year, 22, OrganisationLevel.Ccg, TumourGroups.AllCancersId, ResultBasis.Adjusted, CancellationToken.None);
    }
}
