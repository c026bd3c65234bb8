using System.Text;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Tests.Import;

/// <summary>
/// Files in a layout the product does not know: a proposed mapping by header and content, corrected and saved as a
/// named layout, used again for a later file with the same header, and exchanged as JSON. Invented figures throughout.
/// </summary>
public sealed class LayoutMappingTests : IDisposable
{
    private const string Header =
        "Level,Org code,Organisation,Section,Question number,Question,Number of respondents,Case-mix adjusted score,Lower 95% CI,Upper 95% CI,"
        + "Lower limit of expected range,Upper limit of expected range,Comparison with expected range";

    private const string Q22 = "Support for people with cancer,Q22,\"Were you told how to get financial help, or benefits?\"";

    private static readonly string Published = string.Join('\n',
        Header,
        $"England,E92000001,England,{Q22},50000,57%,56.6,57.4,,,",
        $"Trust,RZZ,Testshire Hospitals NHS Trust,{Q22},204,61.3%,54.6,68,55.1,66.9,As expected",
        $"Trust,RZY,Otherplace NHS Foundation Trust,{Q22},120,70%,61.5,77.4,52,62,Better than expected",
        $"Trust,RZX,Smalltown NHS Trust,{Q22},*,*,*,*,*,*,*",
        $"Trust,RZW,Tinytown NHS Trust,{Q22},15,40%,20,60,45,70,Worse than expected");

    private readonly TestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    private static async Task<FileSample> SampleAsync(byte[] content, ImportOptions? options = null)
    {
        using var stream = new MemoryStream(content, writable: false);
        return await LayoutProposer.SampleAsync(stream, options ?? new ImportOptions());
    }

    /// <summary>The proposal with what the administrator adds: the year and the scoring, which the file does not say.</summary>
    private static async Task<LayoutDefinition> CorrectedLayoutAsync(string name = "Trust results 2022")
    {
        var proposal = LayoutProposer.Propose(await SampleAsync(Encoding.UTF8.GetBytes(Published)), name);
        return proposal.Layout with
        {
            Fixed = new Dictionary<string, string>(proposal.Layout.Fixed) { ["year"] = "2022", ["scoring"] = "percent" },
        };
    }

    [Fact]
    public async Task Propose_WithPublishedHeader_MapsColumnsByHeaderAndWordsByContent()
    {
        var sample = await SampleAsync(Encoding.UTF8.GetBytes(Published));

        var proposal = LayoutProposer.Propose(sample, "Trust results 2022");

        proposal.Layout.Columns.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["level"] = "Level",
            ["organisation_code"] = "Org code",
            ["organisation_name"] = "Organisation",
            ["section"] = "Section",
            ["question"] = "Question number",
            ["question_text"] = "Question",
            ["respondents"] = "Number of respondents",
            ["score"] = "Case-mix adjusted score",
            ["ci_lower"] = "Lower 95% CI",
            ["ci_upper"] = "Upper 95% CI",
            ["expected_lower"] = "Lower limit of expected range",
            ["expected_upper"] = "Upper limit of expected range",
            ["band"] = "Comparison with expected range",
        });
        proposal.Layout.Fixed.Should().BeEquivalentTo(new Dictionary<string, string> { ["tumour_group"] = "All Cancers", ["basis"] = "adjusted" });
        proposal.Layout.Words.Should().BeEquivalentTo(new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["level"] = new Dictionary<string, string> { ["England"] = "national", ["Trust"] = "trust" },
            ["band"] = new Dictionary<string, string> { ["As expected"] = "within", ["Better than expected"] = "above", ["Worse than expected"] = "below" },
        });
        proposal.Layout.SuppressionMarkers.Should().BeEquivalentTo(new Dictionary<string, string> { ["*"] = "source" });
        proposal.Reasons["band"].Should().Be("its values are known band words");
        proposal.Reasons["organisation_code"].Should().Be("its header 'Org code' names organisation_code and its values look like organisation codes");
    }

    [Fact]
    public async Task Propose_WithUninformativeHeader_GuessesByContent()
    {
        var csv = "A,B,C,D\n2022,Q22,RZZ,Testshire Hospitals NHS Trust\n2022,Q59,RZY,Otherplace NHS Foundation Trust\n";

        var proposal = LayoutProposer.Propose(await SampleAsync(Encoding.UTF8.GetBytes(csv)), "guessed");

        proposal.Layout.Columns.Should().BeEquivalentTo(new Dictionary<string, string>
        {
            ["year"] = "A", ["question"] = "B", ["organisation_code"] = "C", ["organisation_name"] = "D",
        });
        proposal.Reasons["year"].Should().Be("every value is a survey year");
    }

    [Fact]
    public async Task Propose_WithWorkbookUnderATitle_TakesTheYearFromTheSheetName()
    {
        var workbook = new XlsxBuilder()
            .Sheet("Notes").Row("About these results")
            .Sheet("CPES 2022 trusts").Row("Cancer Patient Experience Survey 2022: trusts").Blank()
            .RowsOfCsv(Published)
            .Row("* suppressed by the publisher")
            .ToBytes();

        var sample = await SampleAsync(workbook, new ImportOptions { Sheet = "CPES 2022 trusts" });
        var proposal = LayoutProposer.Propose(sample, "Trust workbook 2022");

        sample.Sheets.Should().Equal("Notes", "CPES 2022 trusts");
        sample.HeaderLine.Should().Be(3);
        sample.Rows.Should().HaveCount(5);
        proposal.Layout.Sheet.Should().Be("CPES 2022 trusts");
        proposal.Layout.HeaderRow.Should().Be(3);
        proposal.Layout.Fixed["year"].Should().Be("2022");
        proposal.Layout.Columns["score"].Should().Be("Case-mix adjusted score");
    }

    [Fact]
    public async Task Import_WithCorrectedLayout_StoresFiguresPercentagesAndSuppression()
    {
        var layout = await CorrectedLayoutAsync();

        var outcome = await Importing.ImportAsync(_database, Encoding.UTF8.GetBytes(Published), "trusts-2022.csv", new ImportOptions { Layout = layout });

        outcome.Succeeded.Should().BeTrue(string.Join("; ", outcome.Errors));
        outcome.Summary!.Layout.Should().Be("Trust results 2022");
        outcome.Summary.Rows.Should().Be(5);
        outcome.Summary.Suppressed.Should().Be(2);
        await using var db = _database.NewContext();
        var results = await db.Results.AsNoTracking()
            .Select(r => new { r.Organisation!.Code, r.Organisation.Level, r.Basis, r.Respondents, r.Score, r.ScoreDecimals, r.CiLower, r.Band, r.Suppression })
            .OrderBy(r => r.Code).ToListAsync();
        results.Should().Equal(
            new { Code = "E92000001", Level = OrganisationLevel.National, Basis = ResultBasis.Adjusted, Respondents = (int?)50000, Score = (double?)57, ScoreDecimals = (int?)0, CiLower = (double?)56.6, Band = (Band?)null, Suppression = Suppression.None },
            new { Code = "RZW", Level = OrganisationLevel.Trust, Basis = ResultBasis.Adjusted, Respondents = (int?)null, Score = (double?)null, ScoreDecimals = (int?)null, CiLower = (double?)null, Band = (Band?)null, Suppression = Suppression.FewRespondents },
            new { Code = "RZX", Level = OrganisationLevel.Trust, Basis = ResultBasis.Adjusted, Respondents = (int?)null, Score = (double?)null, ScoreDecimals = (int?)null, CiLower = (double?)null, Band = (Band?)null, Suppression = Suppression.Source },
            new { Code = "RZY", Level = OrganisationLevel.Trust, Basis = ResultBasis.Adjusted, Respondents = (int?)120, Score = (double?)70, ScoreDecimals = (int?)0, CiLower = (double?)61.5, Band = (Band?)Band.Above, Suppression = Suppression.None },
            new { Code = "RZZ", Level = OrganisationLevel.Trust, Basis = ResultBasis.Adjusted, Respondents = (int?)204, Score = (double?)61.3, ScoreDecimals = (int?)1, CiLower = (double?)54.6, Band = (Band?)Band.Within, Suppression = Suppression.None });
    }

    [Fact]
    public async Task Import_WithProposalUncorrected_SaysWhatTheLayoutLacksAndWritesNothing()
    {
        var proposal = LayoutProposer.Propose(await SampleAsync(Encoding.UTF8.GetBytes(Published)), "Trust results 2022");

        var outcome = await Importing.ImportAsync(_database, Encoding.UTF8.GetBytes(Published), "trusts-2022.csv", new ImportOptions { Layout = proposal.Layout });

        outcome.Errors.Select(e => e.ToString()).Should().Equal(
            "line 1: the layout 'Trust results 2022' does not fit this file: year needs a column or a fixed value");
        (await _database.CountAsync()).Results.Should().Be(0);
    }

    [Fact]
    public async Task Import_WithAnIcbRow_StoresItAtTheIcbLevel()
    {
        var layout = await CorrectedLayoutAsync();
        var workbook = new XlsxBuilder().Sheet("ICBs").RowsOfCsv(Published.Replace("Trust,RZY,", "ICB,QZY,", StringComparison.Ordinal)).ToBytes();

        var outcome = await Importing.ImportAsync(_database, workbook, "icbs-2022.xlsx", new ImportOptions { Layout = layout with { Sheet = null, HeaderRow = null } });

        outcome.Succeeded.Should().BeTrue(string.Join("; ", outcome.Errors));
        await using var db = _database.NewContext();
        (await db.Organisations.Where(o => o.Code == "QZY").Select(o => o.Level).SingleAsync()).Should().Be(OrganisationLevel.Icb);
    }

    [Fact]
    public async Task Import_WithParentAndQuestionnaireColumns_PlacesEachTrustInItsIcbAndRegion_OnTheNamedSeries()
    {
        var csv = string.Join('\n',
            Header + ",Parent ICB code,Parent ICB name,Region code,Region name,Questionnaire",
            $"Trust,RZZ,Testshire Hospitals NHS Trust,{Q22},204,61.3%,54.6,68,55.1,66.9,As expected,QZ1,NHS Testshire ICB,Y99,Testland,cpes-2021");
        var proposal = LayoutProposer.Propose(await SampleAsync(Encoding.UTF8.GetBytes(csv)), "Trusts with parents");
        var layout = proposal.Layout with
        {
            Fixed = new Dictionary<string, string>(proposal.Layout.Fixed) { ["year"] = "2023", ["scoring"] = "percent" },
        };

        var outcome = await Importing.ImportAsync(_database, Encoding.UTF8.GetBytes(csv), "trusts-2023.csv", new ImportOptions { Layout = layout });

        proposal.Layout.Columns.Should().Contain(new Dictionary<string, string>
        {
            ["icb_code"] = "Parent ICB code", ["icb_name"] = "Parent ICB name", ["region_code"] = "Region code",
            ["region_name"] = "Region name", ["series"] = "Questionnaire",
        });
        outcome.Errors.Should().BeEmpty();
        await using var db = _database.NewContext();
        (await db.OrganisationEditions.AsNoTracking()
                .Where(f => f.Organisation!.Code == "RZZ")
                .Select(f => $"{f.Edition!.Year} {f.Edition.Series!.Code} icb={f.Icb!.Code} region={f.Region!.Code}")
                .ToListAsync())
            .Should().Equal("2023 cpes-2021 icb=QZ1 region=Y99");
    }

    [Fact]
    public async Task Import_WithAMalformedCodeInAMappedColumn_NamesTheFilesColumn_AndWritesNothing()
    {
        var csv = string.Join('\n',
            Header + ",Parent ICB code",
            $"Trust,R<ZZ,Testshire Hospitals NHS Trust,{Q22},204,61.3%,54.6,68,55.1,66.9,As expected,QZ1",
            $"Trust,RZY,Otherplace NHS Foundation Trust,{Q22},120,70%,61.5,77.4,52,62,Better than expected,q z2");
        var layout = (await CorrectedLayoutAsync()) with { Header = [], Columns = new Dictionary<string, string>((await CorrectedLayoutAsync()).Columns) { ["icb_code"] = "Parent ICB code" } };

        var outcome = await Importing.ImportAsync(_database, Encoding.UTF8.GetBytes(csv), "trusts-2022.csv", new ImportOptions { Layout = layout });

        outcome.Errors.Select(e => (e.Line, e.Column, e.Message)).Should().Equal(
            (2, "Org code", $"'R<ZZ' is not an organisation code: codes are {OrganisationCodes.Rule}"),
            (3, "Parent ICB code", $"'q z2' is not an organisation code: codes are {OrganisationCodes.Rule}"));
        await using var db = _database.NewContext();
        (await db.Results.CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Import_WithUnknownWord_AsksForItInTheLayoutsWords()
    {
        var layout = await CorrectedLayoutAsync();
        var csv = Published.Replace("As expected", "Similar to expected", StringComparison.Ordinal);

        var outcome = await Importing.ImportAsync(_database, Encoding.UTF8.GetBytes(csv), "trusts-2022.csv", new ImportOptions { Layout = layout });

        outcome.Errors.Select(e => e.ToString()).Should().Equal(
            "line 3, column 'Comparison with expected range': 'Similar to expected' is not a word the layout knows for band: add it to the layout's words as one of above, within, below");
    }

    [Fact]
    public async Task Import_OfLaterFileWithTheSameHeader_UsesTheSavedLayoutAgain()
    {
        await using (var db = _database.NewContext())
        {
            (await new SavedLayouts(db, TestClock.At()).SaveAsync(await CorrectedLayoutAsync(), "admin@example.nhs.uk", CancellationToken.None))
                .Should().BeEmpty();
        }

        var later = string.Join('\n', Header.ToUpperInvariant(), $"Trust,RZZ,Testshire Hospitals NHS Trust,{Q22},210,63%,56.6,69.4,55.1,66.9,As expected");

        var outcome = await Importing.ImportAsync(_database, Encoding.UTF8.GetBytes(later), "trusts-2022-corrected.csv");

        outcome.Succeeded.Should().BeTrue(string.Join("; ", outcome.Errors));
        outcome.Summary!.Layout.Should().Be("Trust results 2022");
        await using var check = _database.NewContext();
        (await check.Results.AsNoTracking().Where(r => r.Organisation!.Code == "RZZ").Select(r => r.Score).SingleAsync()).Should().Be(63);
    }

    [Fact]
    public async Task Import_OfWorkbookWhoseResultsAreNotOnItsFirstSheet_FindsTheSheetItsLayoutReads()
    {
        var layout = await CorrectedLayoutAsync() with { Sheet = "Trusts" };
        await using (var db = _database.NewContext())
        {
            (await new SavedLayouts(db, TestClock.At()).SaveAsync(layout, "admin@example.nhs.uk", CancellationToken.None)).Should().BeEmpty();
        }

        var workbook = new XlsxBuilder().Sheet("Contents").Row("Trusts: results by trust").Sheet("Trusts").Row("Invented figures").RowsOfCsv(Published).ToBytes();

        var outcome = await Importing.ImportAsync(_database, workbook, "trusts-2022.xlsx");

        outcome.Succeeded.Should().BeTrue(string.Join("; ", outcome.Errors));
        outcome.Summary!.Sheet.Should().Be("Trusts");
        outcome.Summary.Layout.Should().Be("Trust results 2022");
    }

    [Fact]
    public async Task Import_OfFileWithAnotherHeader_IsUnknownWhateverLayoutsAreSaved()
    {
        await using (var db = _database.NewContext())
        {
            await new SavedLayouts(db, TestClock.At()).SaveAsync(await CorrectedLayoutAsync(), "admin@example.nhs.uk", CancellationToken.None);
        }

        var other = Published.Replace("Org code", "Organisation code", StringComparison.Ordinal);

        var outcome = await Importing.ImportAsync(_database, Encoding.UTF8.GetBytes(other), "other.csv");

        outcome.Errors.Should().ContainSingle().Which.Message.Should().StartWith("unknown header: ");
    }

    [Fact]
    public async Task ExportedLayouts_ImportedIntoAnotherInstance_AreTheSameLayouts()
    {
        var layout = await CorrectedLayoutAsync();
        var json = SavedLayouts.ToJson([layout]);
        using var other = new TestDatabase();

        IReadOnlyList<string> saved;
        IReadOnlyList<string> problems;
        await using (var db = other.NewContext())
        {
            (saved, problems) = await new SavedLayouts(db, TestClock.At()).ImportJsonAsync(json, "admin@example.nhs.uk", CancellationToken.None);
        }

        problems.Should().BeEmpty();
        saved.Should().Equal("Trust results 2022");
        await using var check = other.NewContext();
        var imported = await new SavedLayouts(check, TestClock.At()).FindAsync("Trust results 2022", CancellationToken.None);
        imported.Should().BeEquivalentTo(layout);
        SavedLayouts.ToJson([imported!]).Should().Be(json);
        json.Should().StartWith("{\n  \"format\": \"luton-cancer-survey/layouts\",\n  \"version\": 1,\n  \"layouts\": [");
    }

    [Fact]
    public void LayoutsFile_WithAProblem_IsRefusedWhole()
    {
        const string Json = """
            {"format": "luton-cancer-survey/layouts", "version": 1, "layouts": [
              {"name": "good", "columns": {"year": "Year", "level": "Level", "organisation_code": "Code", "organisation_name": "Name",
                "question": "Q", "question_text": "Text", "score": "Score"}, "fixed": {"basis": "adjusted"}},
              {"name": "bad", "columns": {"colour": "Colour"}, "words": {"band": {"Good": "great"}}, "suppressionMarkers": {"*": "hidden"}}
            ]}
            """;

        var (layouts, problems) = SavedLayouts.FromJson(Json);

        layouts.Should().BeEmpty();
        problems.Should().Equal(
            "layout 'bad': 'colour' is not a field of the tidy layout",
            "layout 'bad': year needs a column or a fixed value",
            "layout 'bad': level needs a column or a fixed value",
            "layout 'bad': organisation_code needs a column or a fixed value",
            "layout 'bad': organisation_name needs a column or a fixed value",
            "layout 'bad': question needs a column or a fixed value",
            "layout 'bad': question_text needs a column or a fixed value",
            "layout 'bad': basis needs a column or a fixed value",
            "layout 'bad': score needs a column or a fixed value",
            "layout 'bad': the word 'Good' for band must mean one of above, within, below, not 'great'",
            "layout 'bad': suppression marker '*' must mean few-respondents or source, not 'hidden'");
    }

    [Fact]
    public void LayoutsFile_OfAnotherKind_IsRefused()
    {
        var (layouts, problems) = SavedLayouts.FromJson("""{"format": "something-else", "version": 1, "layouts": []}""");

        layouts.Should().BeEmpty();
        problems.Should().Equal("the file is not a layouts file this dashboard writes (its \"format\" must be \"luton-cancer-survey/layouts\")");
    }
}
