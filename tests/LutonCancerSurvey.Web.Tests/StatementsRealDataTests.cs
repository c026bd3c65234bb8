using System.Globalization;
using System.Text.RegularExpressions;
using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Findings;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Web.Presentation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>
/// What the pages make the real 2018 figures say, counted over every result rather than sampled: no bold verdict
/// contradicts a published band, no method text names a centre that does not exist, and no sentence puts a score
/// inside the range it calls it outside of without saying why.
/// </summary>
[Collection(RealDataGroup.Name)]
public partial class StatementsRealDataTests(RealDataDashboard app, ITestOutputHelper output)
{
    private static readonly SourceInfo Source = new("real", DateTimeOffset.UnixEpoch, 0, null);

    private static readonly OrganisationLevel[] Levels = [OrganisationLevel.Ccg, OrganisationLevel.Trust, OrganisationLevel.CancerAlliance];

    [RequiresFact(Needs.RealData)]
    public async Task EveryBoldVerdict_AgreesWithThePublishedBand()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SurveyDbContext>();
        var funnels = scope.ServiceProvider.GetRequiredService<FunnelQuery>();
        var rated = await db.Results.AsNoTracking()
            .Where(r => r.Edition!.Year == 2018 && r.Basis == ResultBasis.Adjusted && r.TumourGroupId == TumourGroups.AllCancersId
                && r.BreakdownId == Breakdown.AllPatientsId && r.Suppression == Suppression.None
                && r.Band != null && r.Score != null && r.Respondents != null && Levels.Contains(r.Organisation!.Level))
            .Select(r => new
            {
                r.Organisation!.Level, r.Question!.Number, r.Question.Scoring, Score = r.Score!.Value, N = r.Respondents!.Value,
                Band = r.Band!.Value, r.ExpectedLower, r.ExpectedUpper, r.ScoreDecimals,
            })
            .ToListAsync();

        int pages = 0, contradicting = 0, stricterDiffers = 0;
        foreach (var r in rated)
        {
            var baseline = await funnels.BaselineAsync(2018, r.Number, r.Level, TumourGroups.AllCancersId, ResultBasis.Adjusted, CancellationToken.None);
            baseline.Should().NotBeNull($"Q{r.Number} {r.Level} has published ranges and England's figure");
            var own = new Figure(ResultBasis.Adjusted, r.N, r.Score, null, null, r.ExpectedLower, r.ExpectedUpper, r.Band, null, null, Suppression.None, Source)
            {
                Decimals = r.ScoreDecimals,
            };
            var funnel = QuestionFunnel.Build(baseline!, [], own, r.Level, 2);
            var verdict = FunnelText.Verdict(funnel, "X", r.Scoring);
            var says = verdict.Contains("above its expected range", StringComparison.Ordinal) ? Band.Above
                : verdict.Contains("below its expected range", StringComparison.Ordinal) ? Band.Below
                : verdict.Contains("within its expected range", StringComparison.Ordinal) ? Band.Within
                : (Band?)null;
            pages++;
            contradicting += says == r.Band ? 0 : 1;
            stricterDiffers += QuestionFunnel.AsBand(funnel.Position!.Value) == r.Band ? 0 : 1;
        }

        output.WriteLine($"{pages} pages with a published band; {contradicting} bold verdicts contradict it; on {stricterDiffers} the stricter 99.8% limits place the score differently, said second");
        (pages, contradicting, stricterDiffers).Should().Be((18_418, 0, 2_318),
            "on 2,318 pages the stricter test differs from the band, so the check had something to catch");
    }

    [RequiresFact(Needs.RealData)]
    public async Task EveryFunnelsMethod_NamesACentreThatExists()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SurveyDbContext>();
        var funnels = scope.ServiceProvider.GetRequiredService<FunnelQuery>();
        var england = await db.Results.AsNoTracking()
            .Where(r => r.Edition!.Year == 2018 && r.Organisation!.Level == OrganisationLevel.National && r.BreakdownId == Breakdown.AllPatientsId
                && r.Suppression == Suppression.None && r.Score != null)
            .Select(r => new { r.Question!.Number, r.TumourGroupId, Score = r.Score!.Value, r.CiLower, r.CiUpper })
            .ToListAsync();
        var shown = await db.Results.AsNoTracking()
            .Where(r => r.Edition!.Year == 2018 && r.BreakdownId == Breakdown.AllPatientsId && r.Suppression == Suppression.None
                && r.Score != null && Levels.Contains(r.Organisation!.Level))
            .GroupBy(r => new { r.Organisation!.Level, r.Question!.Number, r.TumourGroupId, r.Basis })
            .Select(g => new { g.Key.Level, g.Key.Number, g.Key.TumourGroupId, g.Key.Basis, Pages = g.Count() })
            .ToListAsync();

        int pages = 0, falseCentre = 0, intervalCentre = 0, publishedCentre = 0;
        foreach (var key in shown)
        {
            var baseline = await funnels.BaselineAsync(2018, key.Number, key.Level, key.TumourGroupId, key.Basis, CancellationToken.None);
            if (baseline is null)
            {
                continue;
            }

            var method = FunnelText.Method(QuestionFunnel.Build(baseline, [], null, key.Level, 2));
            var intervals = england.Where(e => e.Number == key.Number && e.TumourGroupId == key.TumourGroupId && e.CiLower is not null && e.CiUpper is not null);
            var names = method.Contains("the middle of its published confidence interval", StringComparison.Ordinal);
            var exists = intervals.Any(e => Math.Abs((e.CiLower!.Value + e.CiUpper!.Value) / 2 - baseline.Centre) < 1e-9);
            pages += key.Pages;
            falseCentre += names && !exists ? key.Pages : 0;
            intervalCentre += names ? key.Pages : 0;
            publishedCentre += names ? 0 : key.Pages;
        }

        output.WriteLine($"{pages} pages with a funnel: {intervalCentre} centred on the middle of England's interval, {publishedCentre} on England's published score; {falseCentre} name a centre that does not exist");
        (pages, intervalCentre, publishedCentre, falseCentre).Should().Be((144_077, 36_841, 107_236, 0),
            "tumour-group and trend funnels have no England interval to centre on");
    }

    [RequiresFact(Needs.RealData)]
    public async Task NoSentence_PutsAScoreInsideTheRangeItCallsItOutsideOf_WithoutSayingWhy()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SurveyDbContext>();
        var headers = scope.ServiceProvider.GetRequiredService<OrganisationHeaderQuery>();
        var keyFindings = scope.ServiceProvider.GetRequiredService<KeyFindingsQuery>();
        var codes = await db.Results.AsNoTracking()
            .Where(r => r.Edition!.Year == 2018 && r.Basis == ResultBasis.Adjusted && r.Band != null && Levels.Contains(r.Organisation!.Level))
            .Select(r => r.Organisation!.Code)
            .Distinct()
            .ToListAsync();

        int sentences = 0, inside = 0, unexplained = 0;
        foreach (var code in codes)
        {
            var header = await headers.HeaderAsync(code, CancellationToken.None);
            var findings = FindingsWriter.Write(await keyFindings.FindingsInputAsync(header!, 2018, CancellationToken.None));
            foreach (var finding in findings.Where(f => f.Kind is FindingKind.AboveExpected or FindingKind.BelowExpected))
            {
                var match = RatedSentence().Match(finding.Sentence);
                match.Success.Should().BeTrue(finding.Sentence);
                var score = Number(match.Groups["score"].Value);
                var within = score >= Number(match.Groups["lower"].Value) && score <= Number(match.Groups["upper"].Value);
                sentences++;
                inside += within ? 1 : 0;
                unexplained += within && !finding.Sentence.Contains("rounded as published", StringComparison.Ordinal) ? 1 : 0;
            }
        }

        output.WriteLine($"{sentences} above/below sentences in {codes.Count} organisations; {inside} print a score inside the printed range; {unexplained} without saying why");
        (sentences, inside, unexplained).Should().Be((2_995, 470, 0),
            "rounding puts 470 published scores inside their ranges, so the check had something to catch");
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@": (?<score>[0-9.]+)(?:% positive| out of 10), significantly (?:higher|lower) than expected \(expected range (?<lower>[0-9.]+) to (?<upper>[0-9.]+)")]
    private static partial Regex RatedSentence();
}
