using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Web.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>`import FILE --layout NAME`: a file the product does not know, read with a layout saved for it.</summary>
public sealed class ImportLayoutCommandTests : IDisposable
{
    // Invented figures, in a layout of no edition the product knows.
    private const string Csv = """
        Year,Org type,Code,Organisation,Question,Wording,Section,Base,Result
        2022,Trust,RZZ,Testshire Hospitals NHS Trust,22,"Were you told how to get financial help, or benefits?",Support for people with cancer,204,61%
        2022,Trust,RZY,Otherplace NHS Foundation Trust,22,"Were you told how to get financial help, or benefits?",Support for people with cancer,<21,<21
        """;

    private static readonly LayoutDefinition Layout = new()
    {
        Name = "Trust results",
        Header = ["Year", "Org type", "Code", "Organisation", "Question", "Wording", "Section", "Base", "Result"],
        Columns = new Dictionary<string, string>
        {
            ["year"] = "Year", ["level"] = "Org type", ["organisation_code"] = "Code", ["organisation_name"] = "Organisation",
            ["question"] = "Question", ["question_text"] = "Wording", ["section"] = "Section", ["respondents"] = "Base", ["score"] = "Result",
        },
        Fixed = new Dictionary<string, string> { ["basis"] = "unadjusted", ["scoring"] = "percent" },
    };

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"lcs-layout-{Guid.NewGuid():N}.csv");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public async Task Import_WithLayoutOption_ReadsTheFileWithThatSavedLayout()
    {
        using var app = new DashboardFactory();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<SavedLayouts>().SaveAsync(Layout, "admin@example.nhs.uk", CancellationToken.None))
                .Should().BeEmpty();
        }

        // Another header, so the layout is used because it is named, not because the header matches it.
        await File.WriteAllTextAsync(_path, Csv.Replace("Year,Org type", "year,Org type", StringComparison.Ordinal) + "\n");
        var command = Commands.Parse(["import", _path, "--layout", "Trust results"]);

        var exit = await command!.RunAsync(app.Services);

        exit.Should().Be(0);
        await using var db = app.NewDbContext();
        // The command imports a draft: what it stored, not what the public sees.
        var results = await db.Results.IncludingDrafts().AsNoTracking().Where(r => r.Edition!.Year == 2022)
            .OrderBy(r => r.Organisation!.Code).Select(r => new { r.Organisation!.Code, r.Score, r.Suppression }).ToListAsync();
        results.Should().Equal(
            new { Code = "RZY", Score = (double?)null, Suppression = Core.Domain.Suppression.FewRespondents },
            new { Code = "RZZ", Score = (double?)61, Suppression = Core.Domain.Suppression.None });
    }

    [Fact]
    public async Task Import_WithUnknownLayoutName_IsRefusedWithoutReadingTheFile()
    {
        using var app = new DashboardFactory();
        await File.WriteAllTextAsync(_path, Csv);
        var command = Commands.Parse(["import", _path, "--layout", "No such layout"]);
        await using var db = app.NewDbContext();
        var importsBefore = await db.Imports.CountAsync();

        var exit = await command!.RunAsync(app.Services);

        exit.Should().Be(2);
        (await db.Imports.CountAsync()).Should().Be(importsBefore);
    }

    [Fact]
    public async Task Import_WithLayoutOptionWithoutName_IsAUsageError()
    {
        var command = Commands.Parse(["import", "results.csv", "--layout"]);
        await using var services = new ServiceCollection().BuildServiceProvider();

        var exit = await command!.RunAsync(services);

        exit.Should().Be(2);
    }
}
