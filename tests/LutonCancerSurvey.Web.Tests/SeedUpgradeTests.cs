using LutonCancerSurvey.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>A database seeded by an earlier version of the dashboard, started by this one.</summary>
public class SeedUpgradeTests
{
    [Fact]
    public async Task StartUp_OnASeedStoredWithoutItsPlaces_WritesThePressReleaseFiguresAsPublished()
    {
        using var earlier = new DashboardFactory();
        earlier.CreateClient().Dispose();
        await using (var db = earlier.NewDbContext())
        {
            // As the seed was stored before the places each score was published with were recorded.
            await db.Results.ExecuteUpdateAsync(s => s.SetProperty(r => r.ScoreDecimals, (int?)null));
        }

        using var upgraded = new SecondInstance(earlier);
        var overview = await upgraded.GetDocumentAsync("/");

        var breast = overview.QuerySelector("[data-testid='tumour-breast']")!;
        breast.QuerySelector("[data-testid='score']")!.TextContent.Should().Be("9.2");
        breast.QuerySelector("[data-testid='england']")!.TextContent.Should().Be("8.8");
        overview.TestId("overall-score").Should().Be("8.7");
        await using var check = upgraded.NewDbContext();
        var places = await check.Results.Where(r => r.Score != null)
            .OrderBy(r => r.Score).Select(r => new { r.Score, r.ScoreDecimals }).ToListAsync();
        places.Should().OnlyContain(p => p.ScoreDecimals == (p.Score < 10 ? 1 : 0));
        places.Should().HaveCount(8);
    }
}
