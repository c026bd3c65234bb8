using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Tests.RealData;

/// <summary>
/// The full real 2018 combined file (361,868 rows). Expected counts were computed independently from the file with a
/// CSV reader outside .NET.
/// </summary>
public sealed class RealDataImportTests(RealDataImport import) : IClassFixture<RealDataImport>
{
    private const long TotalRows = 361_868;

    [RequiresFact(Needs.RealData)]
    public void TheWholeFileImportsWithoutErrors()
    {
        var outcome = import.RequireFirst();

        outcome.Errors.Should().BeEmpty();
        outcome.Succeeded.Should().BeTrue();
        outcome.Summary!.Layout.Should().Be("CPES combined");
        outcome.Summary.Rows.Should().Be(TotalRows);
        outcome.Summary.Added.Should().Be(TotalRows);
        outcome.Summary.Replaced.Should().Be(0);
        outcome.Summary.Warnings.Should().OnlyContain(w => w.Contains(" ways in this file: ", StringComparison.Ordinal),
            "every CCG and Trust names an Alliance that should be matched");
    }

    [RequiresFact(Needs.RealData)]
    public void EachQuestionTakesTheWordingMostRowsGiveItAndTheStrayOnesAreReported()
    {
        var warnings = import.RequireFirst().Summary!.Warnings;

        warnings.Should().HaveCount(30, "10 questions of 2016, 2017 and 2018 each have one row worded otherwise (two more differ by a trailing space, which reading trims)");
        warnings.Should().Contain("Q8 of 2018 is worded 2 ways in this file: \"When you were first told that you had cancer, had you "
            + "been told you could bring a family member or friend with you?\" (5,898 rows) is kept, not \"When you were first told "
            + "you had cancer, had you been told you bring a family member or friend with you?\" (1 row)");
    }

    [RequiresFact(Needs.RealData)]
    public void TheSummaryCountsRowsByLevelAndBasis()
    {
        var summary = import.RequireFirst().Summary!;

        summary.RowsByLevelAndBasis.Should().BeEquivalentTo(new Dictionary<(OrganisationLevel, ResultBasis), long>
        {
            [(OrganisationLevel.Ccg, ResultBasis.Adjusted)] = 10_140,
            [(OrganisationLevel.Ccg, ResultBasis.Unadjusted)] = 141_960,
            [(OrganisationLevel.Ccg, ResultBasis.Trend)] = 40_560,
            [(OrganisationLevel.Trust, ResultBasis.Adjusted)] = 7_540,
            [(OrganisationLevel.Trust, ResultBasis.Unadjusted)] = 105_560,
            [(OrganisationLevel.Trust, ResultBasis.Trend)] = 30_160,
            [(OrganisationLevel.CancerAlliance, ResultBasis.Adjusted)] = 988,
            [(OrganisationLevel.CancerAlliance, ResultBasis.Unadjusted)] = 20_748,
            [(OrganisationLevel.CancerAlliance, ResultBasis.Trend)] = 2_964,
            [(OrganisationLevel.National, ResultBasis.Unadjusted)] = 1_092,
            [(OrganisationLevel.National, ResultBasis.Trend)] = 156,
        });
        summary.Suppressed.Should().Be(153_816);
        summary.Editions.Select(e => e.Year).Should().Equal(2015, 2016, 2017, 2018);
    }

    [RequiresFact(Needs.RealData)]
    public async Task SuppressionFollowsTheFileAndThe21RespondentRule()
    {
        import.RequireFirst();
        await using var db = import.Database.NewContext();

        var fewRespondents = await db.Results.CountAsync(r => r.Suppression == Suppression.FewRespondents);
        var bySource = await db.Results.CountAsync(r => r.Suppression == Suppression.Source);
        var withFigures = await db.Results.CountAsync(r => r.Suppression != Suppression.None
            && (r.Score != null || r.Respondents != null || r.CiLower != null || r.CiUpper != null
                || r.ExpectedLower != null || r.ExpectedUpper != null || r.Band != null));
        var shownWithFewRespondents = await db.Results.CountAsync(r => r.Suppression == Suppression.None && r.Respondents < 21);

        fewRespondents.Should().Be(151_987);
        bySource.Should().Be(1_829); // 809 with 21+ respondents, 1,020 with no count
        withFigures.Should().Be(0);
        shownWithFewRespondents.Should().Be(0);
    }

    [RequiresFact(Needs.RealData)]
    public async Task Luton2018AdjustedOverallRatingMatchesThePublishedFigures()
    {
        import.RequireFirst();
        await using var db = import.Database.NewContext();

        var result = await db.SingleResultAsync("06P", 2018, 59, ResultBasis.Adjusted);

        (await db.OrganisationAsync("06P", 2018)).Name.Should().Be("NHS Luton CCG");
        result.Score.Should().Be(8.74);
        result.Respondents.Should().Be(189);
        result.CiLower.Should().Be(8.54);
        result.CiUpper.Should().Be(8.94);
        result.ExpectedLower.Should().Be(8.58);
        result.ExpectedUpper.Should().Be(9.03);
        result.Band.Should().Be(Band.Within);
        result.Suppression.Should().Be(Suppression.None);
    }

    [RequiresFact(Needs.RealData)]
    public async Task Luton2016FinancialHelpTrendMatchesThePressRelease()
    {
        import.RequireFirst();
        await using var db = import.Database.NewContext();

        var result = await db.SingleResultAsync("06P", 2016, 22, ResultBasis.Trend);

        result.Score.Should().Be(70.0);
        result.Respondents.Should().Be(122);
    }

    [RequiresFact(Needs.RealData)]
    public async Task OrganisationsAreCountedPerLevelWithEnglandAsTheNationalOrganisation()
    {
        import.RequireFirst();
        await using var db = import.Database.NewContext();

        var perLevel = await db.Organisations.GroupBy(o => o.Level)
            .Select(g => new { Level = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Level, g => g.Count);

        perLevel.Should().BeEquivalentTo(new Dictionary<OrganisationLevel, int>
        {
            [OrganisationLevel.Ccg] = 195,
            [OrganisationLevel.Trust] = 145,
            [OrganisationLevel.CancerAlliance] = 19,
            [OrganisationLevel.National] = 1,
        });
        (await db.OrganisationAsync(Vocabulary.EnglandCode)).Name.Should().Be(Vocabulary.EnglandName);
    }

    [RequiresFact(Needs.RealData)]
    public async Task EveryCCGAndTrustIsLinkedToACancerAlliance()
    {
        import.RequireFirst();
        await using var db = import.Database.NewContext();

        var facts = db.OrganisationEditions.AsNoTracking().Where(f => f.Edition!.Year == 2018);
        var unlinked = await facts
            .Where(f => (f.Organisation!.Level == OrganisationLevel.Ccg || f.Organisation.Level == OrganisationLevel.Trust) && f.AllianceId == null)
            .Select(f => f.Organisation!.Code + " " + f.Name)
            .ToListAsync();
        var linkedToAnAlliance = await facts
            .CountAsync(f => f.Alliance != null && f.Alliance.Level == OrganisationLevel.CancerAlliance);
        var luton = await db.OrganisationAsync("06P", 2018);

        unlinked.Should().BeEmpty();
        linkedToAnAlliance.Should().Be(195 + 145);
        luton.AllianceName.Should().Be("East of England");
    }

    [RequiresFact(Needs.RealData)]
    public void ASecondImportOfTheSameFileReplacesEveryRowAndAddsNone()
    {
        import.RequireFirst();
        var second = import.Second;

        second.Should().NotBeNull();
        second!.Errors.Should().BeEmpty();
        second.Summary!.Replaced.Should().Be(TotalRows);
        second.Summary.Added.Should().Be(0);
        import.CountsAfterFirst!.Results.Should().Be((int)TotalRows);
        import.CountsAfterSecond.Should().Be(import.CountsAfterFirst with { Imports = 2 });
    }
}
