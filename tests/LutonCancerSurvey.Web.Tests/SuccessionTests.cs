using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Web.Access;
using LutonCancerSurvey.Web.Tests.Api;
using LutonCancerSurvey.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>
/// What became of organisations: two CCGs merged into a third in 2021, which merged into an ICB in 2022, and a draft
/// edition implies the ICB took a new code in 2023. The old pages tell the story, the finder and the API find the old
/// names and codes and say what they became, and the ICB's trend shows its predecessors' figures under their own names.
/// Nothing of the draft reaches the public. Invented organisations and figures.
/// </summary>
public sealed class SuccessionTests : IAsyncLifetime, IDisposable
{
    private static readonly string[] DraftMarks = ["Draftshire", "QT9"];

    private readonly DashboardFactory _app = new();

    public async Task InitializeAsync()
    {
        _ = _app.Server;
        await ImportAsync(SuccessionFixture.Published, publish: true);
        await ImportAsync(SuccessionFixture.Draft, publish: false);
        await using var scope = _app.Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<SuccessionImporter>()
            .ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(SuccessionFixture.Lookup)), "lookup.csv", new SuccessionImportOptions(), CancellationToken.None);
        outcome.Errors.Should().BeEmpty();
        var crosswalk = await scope.ServiceProvider.GetRequiredService<Core.Admin.QuestionnaireImporter>()
            .ImportCrosswalkAsync(new MemoryStream(Encoding.UTF8.GetBytes(SuccessionFixture.Crosswalk)), "test", CancellationToken.None);
        crosswalk.Errors.Should().BeEmpty();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TheOldPage_SaysWhatItBecame_StepByStep_WithLinks()
    {
        var page = await _app.GetDocumentAsync("/organisations/91A");

        page.TestId("became").Should().Be(
            "NHS Testshire North CCG became part of NHS Testshire CCG in 2021, which became part of "
            + "NHS Testshire Integrated Care Board in 2022.");
        page.QuerySelectorAll("[data-testid='became'] a").Select(a => a.GetAttribute("href"))
            .Should().Equal("/organisations/92M", "/organisations/QT1");
    }

    [Fact]
    public async Task TheSuccessorsPage_ListsWhatItTookOver()
    {
        var page = await _app.GetDocumentAsync("/organisations/QT1");

        page.QuerySelectorAll("[data-testid='predecessors'] li").Select(li => li.TextContent.Trim()).Should().Equal(
            "NHS Testshire CCG became part of NHS Testshire Integrated Care Board in 2022",
            "NHS Testshire North CCG became part of NHS Testshire CCG in 2021",
            "NHS Testshire South CCG became part of NHS Testshire CCG in 2021");
        page.QuerySelector("[data-testid='became']").Should().BeNull("only a draft says what became of it");
    }

    [Theory]
    [InlineData("Testshire North")]
    [InlineData("91A")]
    [InlineData("91a")]
    public async Task TheFinder_FindsTheOldNameOrCode_AndSaysWhatItIsNow(string query)
    {
        var page = await _app.GetDocumentAsync($"/organisations?q={Uri.EscapeDataString(query)}");

        page.QuerySelectorAll("[data-testid='results'] > li > a").Select(a => a.TextContent).Should().Contain("NHS Testshire North CCG");
        page.TestId("became-91A").Should().Be(
            "NHS Testshire North CCG became part of NHS Testshire CCG in 2021, which became part of NHS Testshire Integrated Care Board in 2022.");
    }

    [Fact]
    public async Task TheApi_FindsTheOldCode_AndSaysWhatItBecame()
    {
        var response = await ApiResponse.GetAsync(_app, "/api/v1/organisations?q=91A");

        response.Body.GetRawText().Should().Be(
            """[{"code":"91A","name":"NHS Testshire North CCG","level":"ccg","alliance":null,"icb":null,"region":null,"became":["""
            + """{"kind":"merged","year":2021,"code":"92M","name":"NHS Testshire CCG"},"""
            + """{"kind":"merged","year":2022,"code":"QT1","name":"NHS Testshire Integrated Care Board"}],"embargo":null}]""");
    }

    [Fact]
    public async Task TheSuccessorsTrend_ShowsEachPredecessorUnderItsOwnName_OnALineOfItsOwn()
    {
        var page = await _app.GetDocumentAsync("/organisations/QT1/questions/59");

        var rows = page.QuerySelectorAll("[data-testid='trend-chart'] tbody tr").Select(tr =>
            $"{tr.GetAttribute("data-label")} {tr.GetAttribute("data-series")} {tr.QuerySelector("[data-testid='score']")!.TextContent} "
            + $"{tr.QuerySelector("[data-testid='england']")!.TextContent}").ToList();
        rows.Should().Equal(
            "2016 NHS Testshire Integrated Care Board No result 8.7",
            "2019 NHS Testshire North CCG 8.64 8.80",
            "2019 NHS Testshire South CCG 8.71 8.80",
            "2021 NHS Testshire CCG 8.77 8.82",
            "2022 NHS Testshire Integrated Care Board 8.90 8.85");
        page.TestId("trend-predecessors").Should().StartWith("Before NHS Testshire Integrated Care Board reported, its predecessors did");
        page.QuerySelector("[data-testid='trend-2019-91A'] a")!.GetAttribute("href")
            .Should().Be("/organisations/91A/questions/59?year=2019&tumour=all-cancers&basis=trend");
    }

    [Fact]
    public async Task AnOrganisationWithNoSuccessions_KeepsItsTrendTableAsItWas()
    {
        var page = await _app.GetDocumentAsync("/organisations/91B/questions/59");

        page.QuerySelector("[data-testid='trend-chart'] thead")!.TextContent.Should().Be("YearNHS Testshire South CCGEnglandPublished changeRespondents");
        page.QuerySelectorAll("[data-testid='trend-chart'] tr[data-series]").Should().BeEmpty();
    }

    [Theory]
    [InlineData("/organisations/91A")]
    [InlineData("/organisations/92M")]
    [InlineData("/organisations/QT1")]
    [InlineData("/organisations/QT1/questions/59")]
    [InlineData("/organisations?q=Testshire")]
    [InlineData("/organisations?q=QT1")]
    [InlineData("/api/v1/organisations")]
    [InlineData("/api/v1/organisations?q=QT1")]
    [InlineData("/api/v1/organisations/QT1/results")]
    [InlineData("/api/v1/organisations/91A/results")]
    public async Task ASuccessionOnlyADraftImplies_NamesNothingOfTheDraftToThePublic(string url)
    {
        using var visitor = _app.NewClient();

        using var response = await visitor.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body.Should().Contain("Testshire");
        DraftMarks.Where(m => body.Contains(m, StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Fact]
    public async Task ACommissioner_SeesTheStoryGoOnIntoTheDraft()
    {
        using var commissioner = await _app.ClientAsAsync(Roles.Commissioner);

        var page = await Html.ParseAsync(await commissioner.GetStringAsync(new Uri("/organisations/91A", UriKind.Relative)));

        page.TestId("became").Should().EndWith(
            "which became part of NHS Testshire Integrated Care Board in 2022, which became NHS Draftshire Integrated Care Board in 2023.");
    }

    [Fact]
    public async Task AnAdministrator_PreviewsTheLookup_ThenConfirms_AndTheLoadIsAudited()
    {
        using var admin = await _app.ClientAsAsync(Roles.Administrator);
        const string change = "predecessor_code,successor_code,from_year,kind\n91B,,2021,abolished\n";

        var preview = await UploadAsync(admin, change);
        var content = preview.QuerySelector("input[name='content']")!.GetAttribute("value")!;
        var before = await _app.GetDocumentAsync("/organisations/91B");
        using var confirmed = await admin.PostFormAsync(
            "/admin/successions", "/admin/successions?handler=Confirm", new() { ["name"] = "abolish.csv", ["content"] = content });
        var after = await _app.GetDocumentAsync("/organisations/91B");
        var audit = await admin.GetStringAsync(new Uri("/admin/audit", UriKind.Relative));

        preview.QuerySelectorAll("[data-testid='preview'] tbody tr").Select(tr => tr.TextContent.Trim()).Should().Equal(
            "2NHS Testshire South CCG (91B) was abolished in 2021Replaces the stored one");
        before.TestId("became").Should().Contain("became part of NHS Testshire CCG in 2021");
        confirmed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        after.TestId("became").Should().Be("NHS Testshire South CCG was abolished in 2021.");
        audit.Should().Contain("abolish.csv: 1 successions (0 added, 1 replaced, 0 unchanged)");
    }

    [Fact]
    public async Task ABadLookup_ListsItsErrorsWithLineAndColumn_AndChangesNothing()
    {
        using var admin = await _app.ClientAsAsync(Roles.Administrator);

        var page = await UploadAsync(admin, "predecessor_code,successor_code,from_year,kind\n91A,92M,2021,merged\n91B,ZZZ,2021,swallowed\n");
        var old = await _app.GetDocumentAsync("/organisations/91B");

        page.TestId("lookup-errors").Should().Contain("lookups.csv cannot be loaded")
            .And.Contain("Nothing was written.")
            .And.Contain("line 3, column 'kind': 'swallowed' is not one of: merged, renamed, abolished");
        page.QuerySelector("input[name='content']").Should().BeNull();
        old.TestId("became").Should().Contain("became part of NHS Testshire CCG in 2021");
    }

    [Fact]
    public async Task TheCommand_LoadsALookup_AndRefusesABadOne_WritingNothing()
    {
        var good = Path.Combine(Path.GetTempPath(), $"lcs-lookup-{Guid.NewGuid():N}.csv");
        var bad = Path.Combine(Path.GetTempPath(), $"lcs-lookup-{Guid.NewGuid():N}.csv");
        try
        {
            await File.WriteAllTextAsync(good, "predecessor_code,successor_code,from_year,kind\n91B,,2021,abolished\n");
            await File.WriteAllTextAsync(bad, "predecessor_code,successor_code,from_year,kind\n91A,,2021,abolished\n91B,92M,2021,swallowed\n");

            var refused = await Web.CommandLine.Commands.Parse(["import-successions", bad])!.RunAsync(_app.Services);
            var loaded = await Web.CommandLine.Commands.Parse(["import-successions", good])!.RunAsync(_app.Services);
            var missing = await Web.CommandLine.Commands.Parse(["import-successions"])!.RunAsync(_app.Services);

            refused.Should().Be(1);
            loaded.Should().Be(0);
            missing.Should().Be(2);
            (await _app.GetDocumentAsync("/organisations/91A")).TestId("became").Should().StartWith("NHS Testshire North CCG became part of");
            (await _app.GetDocumentAsync("/organisations/91B")).TestId("became").Should().Be("NHS Testshire South CCG was abolished in 2021.");
        }
        finally
        {
            File.Delete(good);
            File.Delete(bad);
        }
    }

    private static async Task<IHtmlDocument> UploadAsync(HttpClient admin, string content)
    {
        var token = await Accounts.AntiforgeryTokenAsync(admin, "/admin/successions");
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        form.Add(file, "file", "lookups.csv");
        using var tokenField = new StringContent(token);
        form.Add(tokenField, "__RequestVerificationToken");
        using var response = await admin.PostAsync(new Uri("/admin/successions?handler=Upload", UriKind.Relative), form);
        return await Html.ParseAsync(await response.Content.ReadAsStringAsync());
    }

    private async Task ImportAsync(string content, bool publish)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        var outcome = await _app.ImportAsync(stream, publish ? "published.csv" : "draft.csv", publish);
        outcome.Errors.Should().BeEmpty();
    }
}
