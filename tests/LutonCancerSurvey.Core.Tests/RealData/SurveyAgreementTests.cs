using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Findings;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Core.Statistics;
using LutonCancerSurvey.Core.Tests.Support;
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
    [RequiresFact(Needs.RealData)]
    public async Task FunnelLimitsReproduceThePublishedBandsAndNeverContradictAPublishedWithin()
    {
        import.RequireFirst();
        await using var db = import.Database.NewContext();
        var funnels = new FunnelQuery(db, FixedViewer.Public, new FunnelBaselineCache(), new FixedVersion());
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

    [RequiresFact(Needs.RealData)]
    public async Task FunnelLimitsAgainstThePublishedBandsAtEveryLevelInBothDirections()
    {
        import.RequireFirst();
        await using var db = import.Database.NewContext();
        var funnels = new FunnelQuery(db, FixedViewer.Public, new FunnelBaselineCache(), new FixedVersion());
        OrganisationLevel[] levels = [OrganisationLevel.Ccg, OrganisationLevel.Trust, OrganisationLevel.CancerAlliance];
        var results = await db.Results.AsNoTracking()
            .Where(r => r.Edition!.Year == 2018
                && r.Basis == ResultBasis.Adjusted
                && r.TumourGroupId == TumourGroups.AllCancersId
                && r.BreakdownId == Breakdown.AllPatientsId
                && r.Band != null && r.Score != null && r.Respondents != null
                && levels.Contains(r.Organisation!.Level))
            .Select(r => new { r.Organisation!.Level, r.Question!.Number, Score = r.Score!.Value, N = r.Respondents!.Value, Band = r.Band!.Value })
            .ToListAsync();

        // (published band, the funnel's 95 % position) → count; and how many fall outside each limit.
        var matrix = new Dictionary<(OrganisationLevel, Band, Band), int>();
        var outside = new Dictionary<OrganisationLevel, (int Results, int At95, int At998)>();
        foreach (var r in results)
        {
            var baseline = await funnels.BaselineAsync(2018, r.Number, r.Level, TumourGroups.AllCancersId, ResultBasis.Adjusted, CancellationToken.None);
            baseline.Should().NotBeNull($"Q{r.Number} {r.Level} has published ranges and an England figure");
            var at95 = QuestionFunnel.AsBand(baseline!.Classify(r.Score, r.N, QuestionFunnel.InnerLimit));
            var at998 = baseline.Classify(r.Score, r.N, QuestionFunnel.OuterLimit);
            matrix[(r.Level, r.Band, at95)] = matrix.GetValueOrDefault((r.Level, r.Band, at95)) + 1;
            var (count, out95, out998) = outside.GetValueOrDefault(r.Level);
            outside[r.Level] = (count + 1, out95 + (at95 == Band.Within ? 0 : 1), out998 + (at998 == FunnelPosition.WithinLimits ? 0 : 1));
        }

        foreach (var level in levels)
        {
            var o = outside[level];
            output.WriteLine($"{level}: {o.Results} results; outside 95% {o.At95} ({100.0 * o.At95 / o.Results:0.0}%), outside 99.8% {o.At998} ({100.0 * o.At998 / o.Results:0.0}%)");
            foreach (var published in new[] { Band.Above, Band.Within, Band.Below })
            {
                output.WriteLine($"  published {published}: funnel above {matrix.GetValueOrDefault((level, published, Band.Above))}, within {matrix.GetValueOrDefault((level, published, Band.Within))}, below {matrix.GetValueOrDefault((level, published, Band.Below))}");
            }
        }

        int Cell(OrganisationLevel level, Band published, Band funnel) => matrix.GetValueOrDefault((level, published, funnel));
        (int Agree, int OutsideCalledWithin, int WithinCalledOutside, int Opposite) Summary(OrganisationLevel level) => (
            Cell(level, Band.Above, Band.Above) + Cell(level, Band.Within, Band.Within) + Cell(level, Band.Below, Band.Below),
            Cell(level, Band.Above, Band.Within) + Cell(level, Band.Below, Band.Within),
            Cell(level, Band.Within, Band.Above) + Cell(level, Band.Within, Band.Below),
            Cell(level, Band.Above, Band.Below) + Cell(level, Band.Below, Band.Above));

        outside.Should().BeEquivalentTo(new Dictionary<OrganisationLevel, (int, int, int)>
        {
            [OrganisationLevel.Ccg] = (10_084, 1_499, 298),
            [OrganisationLevel.Trust] = (7_346, 1_368, 337),
            [OrganisationLevel.CancerAlliance] = (988, 163, 42),
        });
        Summary(OrganisationLevel.Ccg).Should().Be((9_905, 80, 99, 0));
        Summary(OrganisationLevel.Trust).Should().Be((7_166, 86, 94, 0));
        Summary(OrganisationLevel.CancerAlliance).Should().Be((952, 14, 22, 0));
    }

    [RequiresFact(Needs.RealData)]
    public async Task YearOnYearTestIsMeasuredAgainstThePublished2018Flags()
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
        var matrix = new Dictionary<(ChangeDirection Published, ChangeDirection Ours), int>();
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
            matrix[(flag, ours)] = matrix.GetValueOrDefault((flag, ours)) + 1;
        }

        ChangeDirection[] directions = [ChangeDirection.Up, ChangeDirection.Unchanged, ChangeDirection.Down];
        foreach (var published in directions)
        {
            output.WriteLine($"published {published}: ours up {matrix.GetValueOrDefault((published, ChangeDirection.Up))}, unchanged {matrix.GetValueOrDefault((published, ChangeDirection.Unchanged))}, down {matrix.GetValueOrDefault((published, ChangeDirection.Down))}");
        }

        // Cohen's κ: agreement beyond what the two sets of verdicts' own frequencies would give by chance.
        var expected = directions.Sum(d =>
            (double)directions.Sum(o => matrix.GetValueOrDefault((d, o))) * directions.Sum(p => matrix.GetValueOrDefault((p, d)))) / ((double)pairs * pairs);
        var kappa = ((double)agree / pairs - expected) / (1 - expected);
        output.WriteLine($"kappa {kappa:0.000}");
        directions.SelectMany(p => directions.Select(o => matrix.GetValueOrDefault((p, o)))).Should().Equal(
            [80, 49, 0, 64, 17_680, 59, 0, 55, 86], "rows are the published Up, Unchanged, Down; columns this dashboard's up, unchanged, down");
        Math.Round(kappa, 2).Should().Be(0.59);

        output.WriteLine($"{pairs} pairs, {agree} agree ({100.0 * agree / pairs:0.00}%); {found} of {publishedChanges} published changes found, {extra} extra; {borderline} borderline, {disagreeBorderline} of the disagreements borderline");
        (pairs, agree, publishedChanges, found, extra, borderline, disagreeBorderline).Should().Be((18_073, 17_846, 270, 166, 123, 725, 165));
    }
}
