using System.Text;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Tests.Import;

/// <summary>
/// The succession lookup: a good file is stored, audited and replaces by predecessor; a bad one names line and column
/// and changes nothing. Invented organisations.
/// </summary>
public sealed class SuccessionImporterTests : IAsyncLifetime, IDisposable
{
    private const string Columns = "predecessor_code,successor_code,from_year,kind\n";

    private const string Results =
        "year,level,organisation_code,organisation_name,alliance_code,alliance_name,question,question_text,section,scoring,"
        + "tumour_group,breakdown,basis,respondents,score,ci_lower,ci_upper,expected_lower,expected_upper,band,"
        + "change_since_previous,change_overall,group_difference,suppressed,source_note\n"
        + "2019,ccg,91A,NHS Testshire North CCG,,,Q59,Overall?,Overall,mean,All Cancers,all,trend,200,8.8,8.6,9.0,,,,,,,,\n"
        + "2019,ccg,91B,NHS Testshire South CCG,,,Q59,Overall?,Overall,mean,All Cancers,all,trend,210,8.7,8.5,8.9,,,,,,,,\n"
        + "2021,ccg,92M,NHS Testshire CCG,,,Q59,Overall?,Overall,mean,All Cancers,all,trend,400,8.75,8.6,8.9,,,,,,,,\n"
        + "2022,icb,QT1,NHS Testshire Integrated Care Board,,,Q59,Overall?,Overall,mean,All Cancers,all,trend,420,8.8,8.7,8.9,,,,,,,,\n";

    private const string Good = Columns
        + "91A,92M,2021,merged\n"
        + "91B,92M,2021,merged\n"
        + "92M,QT1,2022,merged\n";

    private readonly TestDatabase _database = new();
    private int _auditsBefore;

    public async Task InitializeAsync()
    {
        (await Importing.ImportTextAsync(_database, Results)).Succeeded.Should().BeTrue();
        await using var db = _database.NewContext();
        _auditsBefore = await db.AuditEntries.CountAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task AGoodFile_IsStoredInOneGo_AndAuditedWithItsHash()
    {
        var versionBefore = await VersionAsync();

        var outcome = await LoadAsync(Good);

        outcome.Errors.Should().BeEmpty();
        outcome.Changes.Select(c => $"{c.Line} {c.PredecessorName} → {c.SuccessorName} {c.FromYear} {c.Kind} {c.Change}").Should().Equal(
            "2 NHS Testshire North CCG → NHS Testshire CCG 2021 Merged Added",
            "3 NHS Testshire South CCG → NHS Testshire CCG 2021 Merged Added",
            "4 NHS Testshire CCG → NHS Testshire Integrated Care Board 2022 Merged Added");
        (await StoredAsync()).Should().Equal("91A 92M 2021 Merged", "91B 92M 2021 Merged", "92M QT1 2022 Merged");
        await using var db = _database.NewContext();
        var audit = await db.AuditEntries.OrderByDescending(a => a.Id).FirstAsync();
        audit.Action.Should().Be("import-successions");
        audit.Details.Should().Be("successions.csv: 3 successions (3 added, 0 replaced, 0 unchanged)");
        audit.Sha256.Should().Be(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Good))));
        (await VersionAsync()).Should().Be(versionBefore + 1, "pages cached before the lookup must not be served after it");
    }

    [Fact]
    public async Task ALaterFile_ReplacesByPredecessor_AndLeavesTheOthers()
    {
        (await LoadAsync(Good)).Succeeded.Should().BeTrue();

        var outcome = await LoadAsync(Columns + "91A,92M,2021,merged\n91B,QT1,2022,abolished\n");

        outcome.Changes.Select(c => c.Change).Should().Equal(SuccessionChangeKind.Unchanged, SuccessionChangeKind.Replaced);
        (await StoredAsync()).Should().Equal("91A 92M 2021 Merged", "91B QT1 2022 Abolished", "92M QT1 2022 Merged");
    }

    [Fact]
    public async Task AnAbolishedOrganisation_MayHaveNoSuccessor()
    {
        var outcome = await LoadAsync(Columns + "91B,,2021,abolished\n");

        outcome.Errors.Should().BeEmpty();
        (await StoredAsync()).Should().Equal("91B  2021 Abolished");
    }

    [Fact]
    public async Task APreview_WritesNothing()
    {
        var outcome = await LoadAsync(Good, dryRun: true);

        outcome.Succeeded.Should().BeTrue();
        outcome.Changes.Should().HaveCount(3);
        (await StoredAsync()).Should().BeEmpty();
        await using var db = _database.NewContext();
        (await db.AuditEntries.CountAsync()).Should().Be(_auditsBefore);
    }

    [Theory]
    [InlineData("predecessor_code,successor_code,from_year\n91A,92M,2021\n", 1, "kind", "missing column (a succession lookup has predecessor_code, successor_code, from_year, kind)")]
    [InlineData("predecessor_code,successor_code,from_year,kind,note\n91A,92M,2021,merged,x\n", 1, "note", "unknown column for a succession lookup")]
    [InlineData(Columns + "91A,92M,2021,merged\n91B,92M,2021\n", 3, null, "has 3 fields but the header has 4")]
    [InlineData(Columns + "91a,92M,2021,merged\n", 2, "predecessor_code", "'91a' is not an organisation code: codes are capital letters and digits only, at most 16 (such as RC9, 06P or E92000001)")]
    [InlineData(Columns + ",92M,2021,merged\n", 2, "predecessor_code", "is empty")]
    [InlineData(Columns + "91A,92M,1999,merged\n", 2, "from_year", "1999 is not a survey year")]
    [InlineData(Columns + "91A,92M,2021,split\n", 2, "kind", "'split' is not one of: merged, renamed, abolished")]
    [InlineData(Columns + "91A,,2021,merged\n", 2, "successor_code", "is empty: an organisation that merged needs the code of what it became (only an abolished one may have none)")]
    [InlineData(Columns + "91A,91A,2021,renamed\n", 2, "successor_code", "is 91A, the predecessor itself")]
    [InlineData(Columns + "91A,92M,2021,merged\n91A,QT1,2022,merged\n", 3, "predecessor_code", "line 2 already says what became of 91A: an organisation has one successor")]
    [InlineData(Columns + "91A,92X,2021,merged\n", 2, "successor_code", "no organisation has the code 92X: import the results that name it first, so that it has a name")]
    [InlineData(Columns + "91A,92M,2021,merged\n92M,QT1,2022,merged\nQT1,91A,2023,renamed\n", 4, "successor_code", "makes a loop (QT1 → 91A → 92M → QT1): an organisation cannot succeed itself")]
    [InlineData(Columns, 1, null, "the file has a header but no successions")]
    [InlineData("", 0, null, "the file is empty")]
    public async Task ABadFile_NamesLineAndColumn_AndChangesNothing(string csv, int line, string? column, string message)
    {
        var outcome = await LoadAsync(csv);

        outcome.Succeeded.Should().BeFalse();
        outcome.Errors.Should().Contain(new ImportError(line, column, message));
        (await StoredAsync()).Should().BeEmpty();
        await using var db = _database.NewContext();
        (await db.AuditEntries.CountAsync()).Should().Be(_auditsBefore);
    }

    [Fact]
    public async Task ALoopThroughWhatIsAlreadyStored_IsRefused()
    {
        (await LoadAsync(Good)).Succeeded.Should().BeTrue();

        var outcome = await LoadAsync(Columns + "QT1,91A,2023,renamed\n");

        outcome.Errors.Should().Equal(new ImportError(2, "successor_code", "makes a loop (QT1 → 91A → 92M → QT1): an organisation cannot succeed itself"));
        (await StoredAsync()).Should().Equal("91A 92M 2021 Merged", "91B 92M 2021 Merged", "92M QT1 2022 Merged");
    }

    [Fact]
    public async Task AFileThatIsNotUtf8_IsRefused()
    {
        var latin1 = Encoding.Latin1.GetBytes(Columns + "91A,92M,2021,merged\u00e9\n");

        var outcome = await LoadAsync(latin1);

        outcome.Errors.Should().Equal(new ImportError(0, null, "the file is not UTF-8 text: save it as UTF-8 CSV and load it again"));
    }

    [Fact]
    public async Task AGzipFile_IsRead()
    {
        var outcome = await LoadAsync(Importing.Gzip(Encoding.UTF8.GetBytes(Good)));

        outcome.Errors.Should().BeEmpty();
        (await StoredAsync()).Should().HaveCount(3);
    }

    private Task<SuccessionOutcome> LoadAsync(string csv, bool dryRun = false) => LoadAsync(Encoding.UTF8.GetBytes(csv), dryRun);

    private async Task<SuccessionOutcome> LoadAsync(byte[] content, bool dryRun = false)
    {
        await using var db = _database.NewContext();
        var importer = new SuccessionImporter(db, TestClock.At());
        using var stream = new MemoryStream(content, writable: false);
        return await importer.ImportAsync(stream, "successions.csv", new SuccessionImportOptions { DryRun = dryRun }, CancellationToken.None);
    }

    private async Task<List<string>> StoredAsync()
    {
        await using var db = _database.NewContext();
        return await db.Successions.AsNoTracking()
            .OrderBy(s => s.Predecessor!.Code)
            .Select(s => $"{s.Predecessor!.Code} {(s.Successor == null ? "" : s.Successor.Code)} {s.FromYear} {s.Kind}")
            .ToListAsync();
    }

    private async Task<long> VersionAsync()
    {
        await using var db = _database.NewContext();
        return await db.DataVersions.Select(v => v.Version).SingleAsync();
    }
}
