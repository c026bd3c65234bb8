using LutonCancerSurvey.Core.Domain;
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
