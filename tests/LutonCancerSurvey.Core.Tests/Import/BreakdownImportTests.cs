using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Tests.Import;

/// <summary>
/// Breakdowns as data on import (invented figures): a group of any dimension is stored once, in the order the file
/// brings it, and a bad breakdown or comparison fails with its line and column and writes nothing.
/// </summary>
public sealed class BreakdownImportTests : IDisposable
{
    private const string Header = "year,level,organisation_code,organisation_name,alliance_code,alliance_name,question,question_text,section,scoring,"
        + "tumour_group,breakdown,basis,respondents,score,ci_lower,ci_upper,expected_lower,expected_upper,band,change_since_previous,"
        + "change_overall,group_difference,suppressed,source_note,compared_with";

    private const string Row = "2019,cancer-alliance,E56000099,Test Alliance,,,Q22,Were you told how to get financial help?,Support for people with cancer,percent,All Cancers,";

    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static string Csv(params string[] rows) => string.Join('\n', [Header, .. rows.Select(r => Row + r)]) + "\n";

    [Fact]
    public async Task Import_WithNewDimensions_StoresEachGroupOnceInTheFilesOrder()
    {
        var csv = Csv(
            "age:75+,unadjusted,,66,,,,,,,,significant,,,age:16-24",
            "age:16-24,unadjusted,,48,,,,,,,,significant,,,age:75+",
            "AGE:16-24,trend,,47,,,,,,,,,,,",
            "ethnic-group:White,unadjusted,,61,,,,,,,,,,,");

        var outcome = await Importing.ImportTextAsync(_database, csv);

        outcome.Succeeded.Should().BeTrue(string.Join("; ", outcome.Errors));
        await using var db = _database.NewContext();
        var groups = await db.Breakdowns.AsNoTracking().Where(b => b.Id > 15).OrderBy(b => b.Id)
            .Select(b => new { b.Dimension, b.Group, b.Order }).ToListAsync();
        groups.Select(g => (g.Dimension, g.Group, g.Order)).Should().Equal(("age", "75+", 1), ("age", "16-24", 2), ("ethnic-group", "White", 1));
        var young = await db.SingleResultAsync("E56000099", 2019, 22, ResultBasis.Unadjusted, breakdown: "age:16-24");
        young.Score.Should().Be(48);
        young.GroupDifferenceSignificant.Should().BeTrue();
        young.ComparedWithId.Should().Be(await db.Breakdowns.Where(b => b.Group == "75+").Select(b => b.Id).SingleAsync());
        (await db.SingleResultAsync("E56000099", 2019, 22, ResultBasis.Trend, breakdown: "age:16-24")).Score.Should().Be(47);
    }

    [Theory]
    [InlineData("age group:16-24,unadjusted,,48,,,,,,,,,,,", "breakdown", "'age group:16-24' is not a breakdown")]
    [InlineData("age:16-24,unadjusted,,48,,,,,,,,significant,,,ethnic-group:White", "compared_with", "must be another group of the row's own dimension ('age')")]
    [InlineData("age:16-24,unadjusted,,48,,,,,,,,,,,age:75+", "compared_with", "names a compared group, but group_difference gives no test")]
    [InlineData("age:16-24,unadjusted,,48,,,,,,,,significant,,,", "group_difference", "a test of a 'age' group must say in compared_with which group it was compared with")]
    public async Task Import_WithABadBreakdownOrComparison_NamesTheLineAndColumn_AndWritesNothing(string row, string column, string message)
    {
        var outcome = await Importing.ImportTextAsync(_database, Csv(row));

        outcome.Succeeded.Should().BeFalse();
        outcome.Errors.Should().ContainSingle().Which.Should().Match<LutonCancerSurvey.Core.Import.ImportError>(
            e => e.Line == 2 && e.Column == column && e.Message.Contains(message, StringComparison.Ordinal));
        await using var db = _database.NewContext();
        (await db.Results.CountAsync()).Should().Be(0);
        (await db.Breakdowns.CountAsync()).Should().Be(7, "only the seeded groups of sex and deprivation");
    }
}

/// <summary>A named layout fills the breakdown from any column, its words mapping the file's groups to breakdown words (invented figures).</summary>
public sealed class BreakdownLayoutTests : IDisposable
{
    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static LayoutDefinition Layout(string youngestMeans) => new()
    {
        Name = "Alliance results by age 2019",
        Header = ["Level", "Org code", "Organisation", "Question number", "Question", "Age group", "Respondents", "Score"],
        Columns = new Dictionary<string, string>
        {
            ["level"] = "Level", ["organisation_code"] = "Org code", ["organisation_name"] = "Organisation", ["question"] = "Question number",
            ["question_text"] = "Question", ["breakdown"] = "Age group", ["respondents"] = "Respondents", ["score"] = "Score",
        },
        Fixed = new Dictionary<string, string>
        {
            ["year"] = "2019", ["basis"] = "unadjusted", ["scoring"] = "percent", ["section"] = "Support for people with cancer",
            ["tumour_group"] = "All Cancers",
        },
        Words = new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["breakdown"] = new Dictionary<string, string> { ["All ages"] = "all", ["16 to 24"] = youngestMeans, ["75 and over"] = "age:75+" },
        },
    };

    [Fact]
    public async Task Import_WithALayoutsWordsForAgeGroups_StoresEachAsAGroupOfItsDimension()
    {
        var csv = string.Join('\n',
            "Level,Org code,Organisation,Question number,Question,Age group,Respondents,Score",
            "Cancer Alliance,E56000099,Test Alliance,Q22,Were you told how to get financial help?,All ages,2000,60%",
            "Cancer Alliance,E56000099,Test Alliance,Q22,Were you told how to get financial help?,16 to 24,,48%",
            "Cancer Alliance,E56000099,Test Alliance,Q22,Were you told how to get financial help?,75 and over,,66%") + "\n";

        var outcome = await Importing.ImportAsync(_database, System.Text.Encoding.UTF8.GetBytes(csv), "ages.csv",
            new LutonCancerSurvey.Core.Import.ImportOptions { Layout = Layout("age:16-24") });

        outcome.Succeeded.Should().BeTrue(string.Join("; ", outcome.Errors));
        await using var db = _database.NewContext();
        (await db.SingleResultAsync("E56000099", 2019, 22, ResultBasis.Unadjusted, breakdown: "age:16-24")).Score.Should().Be(48);
        (await db.SingleResultAsync("E56000099", 2019, 22, ResultBasis.Unadjusted, breakdown: "age:75+")).Score.Should().Be(66);
        (await db.SingleResultAsync("E56000099", 2019, 22, ResultBasis.Unadjusted)).Respondents.Should().Be(2000);
    }

    [Fact]
    public void Problems_AcceptAnyBreakdownWordAsAMeaning_AndRefuseWhatIsNone()
    {
        Layout("age:16-24").Problems().Should().BeEmpty();
        Layout("age group 16-24").Problems().Should().Equal(
            "the word '16 to 24' for breakdown must mean all, male, female, imd1 … imd5, or dimension:group (e.g. age:16-24; the dimension in "
            + "lower-case letters, digits and hyphens, up to 50 characters; the group up to 100), not 'age group 16-24'");
    }
}
