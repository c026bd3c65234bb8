using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Tests.Import;

/// <summary>
/// What an organisation is part of (its ICB, its NHS England region) is a fact of each edition, read from the tidy
/// layout's optional icb_code, icb_name, region_code and region_name columns. Invented organisations and figures.
/// </summary>
public sealed class ParentsPerEditionTests : IDisposable
{
    private const string Header =
        "year,level,organisation_code,organisation_name,alliance_code,alliance_name,icb_code,icb_name,region_code,region_name,"
        + "question,question_text,section,scoring,tumour_group,breakdown,basis,respondents,score,ci_lower,ci_upper,"
        + "expected_lower,expected_upper,band,change_since_previous,change_overall,group_difference,suppressed,source_note\n";

    private const string Q59 = "Q59,\"Overall, how would you rate your care?\",Your overall NHS care,mean,All Cancers,all,unadjusted";

    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task EachEdition_KeepsItsOwnIcbAndRegion_ForTheSameTrust()
    {
        var csv = Header
            + $"2022,trust,RZ1,Testshire Hospitals NHS Trust,E56000099,Test Alliance,QZA,NHS Testshire North ICB,Y99,Testland,{Q59},300,8.9,8.8,9.0,,,,,,,,\n"
            + $"2022,icb,QZA,NHS Testshire North ICB,,,,,Y99,Testland,{Q59},900,8.8,8.7,8.9,,,,,,,,\n"
            + $"2023,trust,RZ1,Testshire Hospitals NHS Trust,E56000099,Test Alliance,QZB,NHS Testshire South ICB,Y99,Testland,{Q59},310,8.7,8.6,8.8,,,,,,,,\n";

        var outcome = await Importing.ImportTextAsync(_database, csv);

        outcome.Errors.Should().BeEmpty();
        outcome.Summary!.Warnings.Should().BeEmpty();
        var facts = await FactsAsync();
        facts.Should().Equal(
            "2022 E56000099 Test Alliance alliance= icb= region=",
            "2022 QZA NHS Testshire North ICB alliance= icb= region=Y99",
            "2022 RZ1 Testshire Hospitals NHS Trust alliance=E56000099 icb=QZA region=Y99",
            "2022 Y99 Testland alliance= icb= region=",
            "2023 E56000099 Test Alliance alliance= icb= region=",
            "2023 QZB NHS Testshire South ICB alliance= icb= region=",
            "2023 RZ1 Testshire Hospitals NHS Trust alliance=E56000099 icb=QZB region=Y99",
            "2023 Y99 Testland alliance= icb= region=");
        await using var db = _database.NewContext();
        (await db.Organisations.Where(o => o.Code == "QZB" || o.Code == "Y99").OrderBy(o => o.Code).Select(o => o.Level).ToListAsync())
            .Should().Equal(OrganisationLevel.Icb, OrganisationLevel.Region);
    }

    [Fact]
    public async Task AFileWithoutTheOptionalColumns_LeavesParentsAsTheyWere()
    {
        var withIcb = Header
            + $"2022,trust,RZ1,Testshire Hospitals NHS Trust,,,QZA,NHS Testshire North ICB,,,{Q59},300,8.9,8.8,9.0,,,,,,,,\n";
        var tidyWithout = "year,level,organisation_code,organisation_name,alliance_code,alliance_name,question,question_text,section,"
            + "scoring,tumour_group,breakdown,basis,respondents,score,ci_lower,ci_upper,expected_lower,expected_upper,band,"
            + "change_since_previous,change_overall,group_difference,suppressed,source_note\n"
            + $"2022,trust,RZ1,Testshire Hospitals NHS Trust,,,{Q59},305,8.8,8.7,8.9,,,,,,,,\n";
        (await Importing.ImportTextAsync(_database, withIcb)).Succeeded.Should().BeTrue();

        var outcome = await Importing.ImportTextAsync(_database, tidyWithout);

        outcome.Errors.Should().BeEmpty();
        (await FactsAsync()).Should().Contain("2022 RZ1 Testshire Hospitals NHS Trust alliance= icb=QZA region=");
    }

    [Fact]
    public async Task AnIcbCodeWithNoNameAndNoRows_IsAWarning_AndTheTrustStaysWithoutOne()
    {
        var csv = Header + $"2022,trust,RZ1,Testshire Hospitals NHS Trust,,,QZ9,,,,{Q59},300,8.9,8.8,9.0,,,,,,,,\n";

        var outcome = await Importing.ImportTextAsync(_database, csv);

        outcome.Errors.Should().BeEmpty();
        outcome.Summary!.Warnings.Should().Equal(
            "no Integrated Care Board has the code 'QZ9' and no row names it (1 organisation left without one)");
        (await FactsAsync()).Should().Equal("2022 RZ1 Testshire Hospitals NHS Trust alliance= icb= region=");
    }

    [Theory]
    [InlineData("2022,trust,RZ1,Testshire Hospitals NHS Trust,,,,NHS Testshire North ICB,,,", "icb_name",
        "names 'NHS Testshire North ICB' but icb_code is empty: give its code too")]
    [InlineData("2022,ccg,99X,NHS Testshire CCG,,,QZA,NHS Testshire North ICB,,,", "icb_code",
        "a 'ccg' is not part of an Integrated Care Board: only an NHS Trust or a sub-ICB location is")]
    [InlineData("2022,icb,QZA,NHS Testshire North ICB,,,QZB,NHS Testshire South ICB,,,", "icb_code",
        "a 'icb' is not part of an Integrated Care Board: only an NHS Trust or a sub-ICB location is")]
    [InlineData("2022,region,Y99,Testland,,,,,Y98,Otherland,", "region_code",
        "a 'region' is not part of an NHS England region: only a Cancer Alliance, an NHS Trust, an ICB or a sub-ICB location is")]
    [InlineData("2022,trust,RZ1,Testshire Hospitals NHS Trust,,,rz 1,NHS Testshire North ICB,,,", "icb_code",
        "'rz 1' is not an organisation code: codes are")]
    public async Task ABadParent_FailsWithLineAndColumn_AndWritesNothing(string start, string column, string message)
    {
        var csv = Header + $"2022,national,E92000001,England,,,,,,,{Q59},60000,8.8,8.79,8.81,,,,,,,,\n"
            + start + $"{Q59},300,8.9,8.8,9.0,,,,,,,,\n";

        var outcome = await Importing.ImportTextAsync(_database, csv);

        outcome.Succeeded.Should().BeFalse();
        outcome.Errors.Should().ContainSingle();
        outcome.Errors[0].Line.Should().Be(3);
        outcome.Errors[0].Column.Should().Be(column);
        outcome.Errors[0].Message.Should().StartWith(message);
        (await _database.CountAsync()).Should().Be(new TableCounts(0, 0, 0, 0, 0));
    }

    [Fact]
    public async Task AnIcbCodeThatIsAnotherKindOfOrganisationInTheSameEdition_FailsOnItsColumn()
    {
        var first = Header + $"2022,trust,RZ2,Othershire Hospitals NHS Trust,,,,,,,{Q59},300,8.9,8.8,9.0,,,,,,,,\n";
        var second = Header + $"2022,trust,RZ1,Testshire Hospitals NHS Trust,,,RZ2,Othershire Hospitals NHS Trust,,,{Q59},300,8.9,8.8,9.0,,,,,,,,\n";
        (await Importing.ImportTextAsync(_database, first)).Succeeded.Should().BeTrue();

        var outcome = await Importing.ImportTextAsync(_database, second);

        outcome.Errors.Should().Equal(new ImportError(2, "icb_code", "RZ2 is at level 'trust' in the 2022 edition, not 'icb'"));
    }

    [Fact]
    public async Task ACodeThatWasAnotherKindInAnEarlierEdition_CanBeAnIcbNow()
    {
        var earlier = Header + $"2021,trust,RZ2,Othershire Hospitals NHS Trust,,,,,,,{Q59},300,8.9,8.8,9.0,,,,,,,,\n";
        var later = Header + $"2022,trust,RZ1,Testshire Hospitals NHS Trust,,,RZ2,NHS Othershire Integrated Care Board,,,{Q59},300,8.9,8.8,9.0,,,,,,,,\n";
        (await Importing.ImportTextAsync(_database, earlier)).Succeeded.Should().BeTrue();

        var outcome = await Importing.ImportTextAsync(_database, later);

        outcome.Errors.Should().BeEmpty();
        await using var db = _database.NewContext();
        (await db.OrganisationEditions.AsNoTracking()
                .Where(f => f.Organisation!.Code == "RZ2")
                .OrderBy(f => f.Edition!.Year)
                .Select(f => $"{f.Edition!.Year} {f.Name} {f.Level}")
                .ToListAsync())
            .Should().Equal("2021 Othershire Hospitals NHS Trust Trust", "2022 NHS Othershire Integrated Care Board Icb");
    }

    private async Task<List<string>> FactsAsync()
    {
        await using var db = _database.NewContext();
        return await db.OrganisationEditions.AsNoTracking()
            .OrderBy(f => f.Edition!.Year).ThenBy(f => f.Organisation!.Code)
            .Select(f => $"{f.Edition!.Year} {f.Organisation!.Code} {f.Name} alliance={(f.Alliance == null ? "" : f.Alliance.Code)} "
                + $"icb={(f.Icb == null ? "" : f.Icb.Code)} region={(f.Region == null ? "" : f.Region.Code)}")
            .ToListAsync();
    }
}
