using LutonCancerSurvey.Web.Tests.Security;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>A database seeded by an earlier version of the dashboard, started by this one.</summary>
public class SeedUpgradeTests
{
    private static readonly Dictionary<string, string> StampReadEveryTime = new() { ["Caching:StampSeconds"] = "0" };

    [Fact]
    public async Task StartUp_OnASeedStoredWithoutItsPlaces_WritesThePressReleaseFiguresAsPublished()
    {
        using var earlier = new ConfiguredDashboard("Testing", StampReadEveryTime);
        earlier.CreateClient().Dispose();
        await using (var db = earlier.NewDbContext())
        {
            // As the seed was stored before the places each score was published with were recorded.
            await db.Results.ExecuteUpdateAsync(s => s.SetProperty(r => r.ScoreDecimals, (int?)null));
        }

        var before = BreastScore(await earlier.GetDocumentAsync("/"));
        using var upgraded = new ConfiguredDashboard(earlier);
        var overview = await upgraded.GetDocumentAsync("/");
        var earlierAfter = BreastScore(await earlier.GetDocumentAsync("/"));

        before.Should().Be("9.20", "without its places a rating is written with two");
        BreastScore(overview).Should().Be("9.2");
        overview.QuerySelector("[data-testid='tumour-breast'] [data-testid='england']")!.TextContent.Should().Be("8.8");
        overview.TestId("overall-score").Should().Be("8.7");
        earlierAfter.Should().Be("9.2", "the change is a new data version, so the instance already running drops its cached page");
        await using var check = upgraded.NewDbContext();
        var places = await check.Results.Where(r => r.Score != null)
            .OrderBy(r => r.Score).Select(r => new { r.Score, r.ScoreDecimals }).ToListAsync();
        places.Should().OnlyContain(p => p.ScoreDecimals == (p.Score < 10 ? 1 : 0));
        places.Should().HaveCount(8);
    }

    private static string BreastScore(AngleSharp.Html.Dom.IHtmlDocument overview) =>
        overview.QuerySelector("[data-testid='tumour-breast'] [data-testid='score']")!.TextContent;
}
