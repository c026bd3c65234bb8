using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Findings;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Core.Statistics;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace LutonCancerSurvey.Core.Tests.RealData;

/// <summary>
/// The dashboard's own statistics measured against what the survey published in the real 2018 file: the funnel limits
/// against the published expected-range bands, and the year-on-year test against the published change flags. The
/// figures are recorded in docs/statistics-agreement.md.
/// </summary>
public sealed class SurveyAgreementTests(RealDataImport import, ITestOutputHelper output) : IClassFixture<RealDataImport>
{
    private sealed class FixedVersion : IDataVersionSource
    {
        public ValueTask<string> CurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult("real-2018");
    }

    [RealDataFact]
    public async Task Funnel_limits_reproduce_the_published_bands_and_never_contradict_a_published_within()
    {
        import.RequireFirst();
        await using var db = import.Database.NewContext();
        var funnels = new FunnelQueries(db, new FunnelBaselineCache(), new FixedVersion());
        var results = await db.Results.AsNoTracking()
            .Where(r => r.Edition!.Year == 2018
                && r.Basis == ResultBasis.Adjusted
                && r.TumourGroupId == TumourGroups.AllCancersId
                && r.BreakdownId == Breakdown.AllPatientsId
                && r.Band != null && r.Score != null && r.Respondents != null
                && (r.Organisation!.Level == OrganisationLevel.Ccg || r.Organisation.Level == OrganisationLevel.Trust))
            .Select(r => new { r.Organisation!.Level, r.Question!.Number, r.Question.Scoring, Score = r.Score!.Value, N = r.Respondents!.Value, Band = r.Band!.Value })
            .ToListAsync();

        var tally = new Dictionary<(OrganisationLevel, Scoring), (int Results, int Agree, int Contradicted)>();
        foreach (var r in results)
        {
            var baseline = await funnels.BaselineAsync(2018, r.Number, r.Level, TumourGroups.AllCancersId, ResultBasis.Adjusted, CancellationToken.None);
            baseline.Should().NotBeNull($"Q{r.Number} {r.Level} has published ranges and an England figure");
            baseline!.Source.Should().Be(TauSource.PublishedRanges);
            var at95 = QuestionFunnel.AsBand(baseline.Classify(r.Score, r.N, QuestionFunnel.InnerLimit));
            var at998 = baseline.Classify(r.Score, r.N, QuestionFunnel.OuterLimit);
            var (count, agree, contradicted) = tally.GetValueOrDefault((r.Level, r.Scoring));
            tally[(r.Level, r.Scoring)] = (
                count + 1,
                agree + (at95 == r.Band ? 1 : 0),
                contradicted + (r.Band == Band.Within && at998 != FunnelPosition.WithinLimits ? 1 : 0));
        }

        foreach (var ((level, scoring), t) in tally.OrderBy(t => t.Key))
        {
            output.WriteLine($"{level} {scoring}: {t.Results} results, {t.Agree} agree at 95% ({100.0 * t.Agree / t.Results:0.00}%), {t.Contradicted} contradicted at 99.8%");
        }

        tally.Should().BeEquivalentTo(new Dictionary<(OrganisationLevel, Scoring), (int, int, int)>
        {
            [(OrganisationLevel.Ccg, Scoring.PercentPositive)] = (9_890, 9_712, 0),
            [(OrganisationLevel.Ccg, Scoring.MeanOutOfTen)] = (194, 193, 0),
            [(OrganisationLevel.Trust, Scoring.PercentPositive)] = (7_203, 7_023, 0),
            [(OrganisationLevel.Trust, Scoring.MeanOutOfTen)] = (143, 143, 0),
        });
        foreach (var level in new[] { OrganisationLevel.Ccg, OrganisationLevel.Trust })
        {
            var all = tally.Where(t => t.Key.Item1 == level).Select(t => t.Value).ToList();
            ((double)all.Sum(t => t.Agree) / all.Sum(t => t.Results)).Should().BeGreaterThanOrEqualTo(0.97, $"the {level} limits must reproduce the published bands");
        }
    }

    [RealDataFact]
    public async Task Year_on_year_test_is_measured_against_the_published_2018_flags()
    {
        import.RequireFirst();
        await using var db = import.Database.NewContext();
        var trend = await db.Results.AsNoTracking()
            .Where(r => (r.Edition!.Year == 2018 || r.Edition.Year == 2017)
                && r.Basis == ResultBasis.Trend
                && r.TumourGroupId == TumourGroups.AllCancersId
                && r.BreakdownId == Breakdown.AllPatientsId
                && r.Question!.Scoring == Scoring.PercentPositive
                && r.Suppression == Suppression.None
                && r.Score != null && r.Respondents != null)
            .Select(r => new { r.OrganisationId, r.Question!.Number, r.Edition!.Year, Score = r.Score!.Value, N = r.Respondents!.Value, r.ChangeSincePrevious })
            .ToListAsync();
        var previous = trend.Where(r => r.Year == 2017).ToDictionary(r => (r.OrganisationId, r.Number));
        var source = new SourceInfo("real", DateTimeOffset.UnixEpoch, 0, null);
        Figure Fig(double score, int n) => new(ResultBasis.Trend, n, score, null, null, null, null, null, null, null, Suppression.None, source);

        int pairs = 0, agree = 0, publishedChanges = 0, found = 0, extra = 0, borderline = 0, disagreeBorderline = 0;
        foreach (var now in trend.Where(r => r.Year == 2018 && r.ChangeSincePrevious is not null))
        {
            if (!previous.TryGetValue((now.OrganisationId, now.Number), out var before))
            {
                continue;
            }

            var judgement = Comparisons.BetweenEditions(Fig(now.Score, now.N), Fig(before.Score, before.N), Scoring.PercentPositive);
            var ours = judgement.Verdict switch
            {
                Verdict.SignificantlyHigher => ChangeDirection.Up,
                Verdict.SignificantlyLower => ChangeDirection.Down,
                _ => ChangeDirection.Unchanged,
            };
            var flag = now.ChangeSincePrevious!.Value;
            pairs++;
            agree += ours == flag ? 1 : 0;
            publishedChanges += flag != ChangeDirection.Unchanged ? 1 : 0;
            found += flag != ChangeDirection.Unchanged && ours == flag ? 1 : 0;
            extra += flag == ChangeDirection.Unchanged && ours != flag ? 1 : 0;
            borderline += judgement.Borderline ? 1 : 0;
            disagreeBorderline += judgement.Borderline && ours != flag ? 1 : 0;
        }

        output.WriteLine($"{pairs} pairs, {agree} agree ({100.0 * agree / pairs:0.00}%); {found} of {publishedChanges} published changes found, {extra} extra; {borderline} borderline, {disagreeBorderline} of the disagreements borderline");
        (pairs, agree, publishedChanges, found, extra, borderline, disagreeBorderline).Should().Be((18_073, 17_846, 270, 166, 123, 725, 165));
    }
}
