using System.Net;
using System.Text;
using LutonCancerSurvey.Web.Access;
using LutonCancerSurvey.Web.Tests.Api;
using LutonCancerSurvey.Web.Tests.Support;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>
/// A draft edition that renames NHS Luton CCG, moves it to another Alliance and brings in a new CCG changes nothing
/// the public sees: names and Alliances are facts of an edition, and an organisation only a draft has does not exist.
/// </summary>
public sealed class DraftOrganisationTests : IAsyncLifetime, IDisposable
{
    private const string Header =
        "year,level,organisation_code,organisation_name,alliance_code,alliance_name,question,question_text,section,scoring,"
        + "tumour_group,breakdown,basis,respondents,score,ci_lower,ci_upper,expected_lower,expected_upper,band,"
        + "change_since_previous,change_overall,group_difference,suppressed,source_note\n";

    private const string Q59 = "Q59,\"Overall, how would you rate your care?\",Your overall NHS care,mean,All Cancers,all";

    // Invented figures. The published 2017 edition places Luton in the East of England Alliance.
    private const string Published2017 = Header
        + "2017,national,E92000001,England,,," + Q59 + ",unadjusted,60000,8.8,8.79,8.81,,,,,,,,\n"
        + "2017,cancer-alliance,E56000024,East of England,,," + Q59 + ",adjusted,4000,8.7,8.6,8.8,8.6,8.9,within,,,,,\n"
        + "2017,ccg,06P,NHS Luton CCG,E56000024,East of England," + Q59 + ",adjusted,180,8.6,8.4,8.8,8.5,9.0,within,,,,,\n";

    // The draft 2019 edition renames Luton, moves it to an Alliance of its own and adds a CCG no published edition has.
    private const string Draft2019 = Header
        + "2019,national,E92000001,England,,," + Q59 + ",unadjusted,61000,8.81,8.8,8.82,,,,,,,,\n"
        + "2019,ccg,06P,NHS Lutonshire Draftname CCG,E56000077,Draftmoved Alliance," + Q59 + ",adjusted,150,8.5,8.2,8.8,8.5,9.1,within,,,,,\n"
        + "2019,ccg,ZZ7,NHS Draftonly CCG,E56000077,Draftmoved Alliance," + Q59 + ",unadjusted,99,8.1,7.9,8.3,,,,,,,,\n";

    private static readonly string[] DraftNames = ["Draftname", "Draftmoved", "Draftonly", "E56000077"];

    private readonly DashboardFactory _app = new();

    public async Task InitializeAsync()
    {
        _ = _app.Server;
        (await ImportAsync(Published2017, "published-2017.csv", publish: true)).Should().BeTrue();
        (await ImportAsync(Draft2019, "draft-2019.csv", publish: false)).Should().BeTrue();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/")]
    [InlineData("/organisations/06P")]
    [InlineData("/organisations/06P?handler=csv")]
    [InlineData("/organisations/06P/briefing")]
    [InlineData("/organisations/06P/questions/59")]
    [InlineData("/compare?codes=06P")]
    [InlineData("/compare?codes=06P&handler=csv")]
    [InlineData("/organisations?q=Luton")]
    [InlineData("/api/v1/organisations")]
    [InlineData("/api/v1/organisations/06P/results")]
    public async Task ARenamingAndMovingDraft_LeavesThePublicWithThePublishedNameAndAlliance(string url)
    {
        using var visitor = _app.NewClient();

        using var response = await visitor.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        body.Should().Contain("NHS Luton CCG");
        if (url != "/")
        {
            body.Should().Contain("East of England");
        }

        DraftNames.Where(n => body.Contains(n, StringComparison.Ordinal)).Should().BeEmpty();
    }

    [Theory]
    [InlineData("/organisations/ZZ7")]
    [InlineData("/organisations/ZZ7?year=2019")]
    [InlineData("/organisations/ZZ7?handler=csv&year=2019")]
    [InlineData("/organisations/ZZ7/briefing")]
    [InlineData("/organisations/ZZ7/questions/59")]
    [InlineData("/organisations/ZZ7/inequalities")]
    [InlineData("/organisations/E56000077")]
    [InlineData("/compare?codes=ZZ7")]
    [InlineData("/compare?codes=06P,ZZ7")]
    [InlineData("/api/v1/organisations/ZZ7/results")]
    [InlineData("/api/v1/organisations/ZZ7/results?year=2019")]
    public async Task AnOrganisationOnlyADraftHas_IsNotFoundByThePublic_AndNotNamed(string url)
    {
        using var visitor = _app.NewClient();

        using var response = await visitor.GetAsync(new Uri(url, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        DraftNames.Where(n => body.Contains(n, StringComparison.Ordinal)).Should().BeEmpty();
        body.Should().NotContainAny("draft", "Draft", "embargo", "Embargo");
    }

    [Fact]
    public async Task AnOrganisationOnlyADraftHas_AnswersTheApiLikeACodeThatDoesNotExist()
    {
        var draftOnly = await ApiResponse.GetAsync(_app, "/api/v1/organisations/ZZ7/results");
        var unknown = await ApiResponse.GetAsync(_app, "/api/v1/organisations/ZZ8/results");
        var list = await ApiResponse.GetAsync(_app, "/api/v1/organisations");
        var finder = await _app.GetDocumentAsync("/organisations?q=CCG");

        draftOnly.Body.GetProperty("detail").GetString().Should().Be("There is no organisation with the code 'ZZ7'.");
        unknown.Body.GetProperty("detail").GetString().Should().Be("There is no organisation with the code 'ZZ8'.");
        list.Body.EnumerateArray().Select(o => o.GetProperty("code").GetString()).Should().Equal("E92000001", "E56000024", "06P");
        var luton = list.Body.EnumerateArray().Single(o => o.GetProperty("code").GetString() == "06P");
        luton.GetProperty("name").GetString().Should().Be("NHS Luton CCG");
        luton.GetProperty("alliance").GetProperty("name").GetString().Should().Be("East of England");
        finder.Body!.TextContent.Should().Contain("NHS Luton CCG").And.NotContain("Draftonly").And.NotContain("Draftname");
    }

    [Fact]
    public async Task ACommissioner_SeesEachEditionsOwnNameAndAlliance_AndTheDraftOnlyOrganisation()
    {
        using var commissioner = await _app.ClientAsAsync(Roles.Commissioner);

        var draft = await commissioner.GetStringAsync(new Uri("/organisations/06P?year=2019", UriKind.Relative));
        var published = await commissioner.GetStringAsync(new Uri("/organisations/06P?year=2017", UriKind.Relative));
        var draftOnly = await commissioner.GetStringAsync(new Uri("/organisations/ZZ7", UriKind.Relative));
        var finder = await commissioner.GetStringAsync(new Uri("/organisations?q=Draftonly", UriKind.Relative));

        draft.Should().Contain("NHS Lutonshire Draftname CCG").And.Contain("Draftmoved Alliance");
        published.Should().Contain("NHS Luton CCG").And.Contain("East of England").And.NotContain("Draftname");
        draftOnly.Should().Contain("NHS Draftonly CCG").And.Contain("data-testid=\"embargo\"");
        finder.Should().Contain("/organisations/ZZ7");
    }

    [Fact]
    public async Task TheFinder_FindsARenamedOrganisationByItsFormerName_AndListsItByItsNewest()
    {
        using var commissioner = await _app.ClientAsAsync(Roles.Commissioner);

        var byFormerName = await Html.ParseAsync(await commissioner.GetStringAsync(new Uri("/organisations?q=NHS+Luton+CCG", UriKind.Relative)));
        var publicByDraftName = await _app.GetDocumentAsync("/organisations?q=Draftname");

        byFormerName.QuerySelectorAll("a[href='/organisations/06P']").Select(a => a.TextContent.Trim())
            .Should().Equal("NHS Lutonshire Draftname CCG");
        publicByDraftName.QuerySelectorAll("a[href='/organisations/06P']").Should().BeEmpty("the public may not search by a draft's names");
    }

    [Theory]
    [InlineData("/organisations/06P")]
    [InlineData("/organisations/06P/questions/59")]
    public async Task APageAskedInTurnByThePublicTwoSignedInPeopleAndThePublicAgain_ShowsEachOnlyTheirOwn(string url)
    {
        var commissionerEmail = await _app.CreateUserAsync(Roles.Commissioner);
        var administratorEmail = await _app.CreateUserAsync(Roles.Administrator);
        using var visitor = _app.NewClient();
        using var commissioner = _app.NewClient();
        using var administrator = _app.NewClient();
        using var commissionerSignIn = await commissioner.SignInAsync(commissionerEmail, Accounts.Password);
        using var administratorSignIn = await administrator.SignInAsync(administratorEmail, Accounts.Password);
        commissionerSignIn.StatusCode.Should().Be(HttpStatusCode.Redirect, "the commissioner should be signed in");
        administratorSignIn.StatusCode.Should().Be(HttpStatusCode.Redirect, "the administrator should be signed in");

        var publicFirst = await visitor.GetStringAsync(new Uri(url, UriKind.Relative));
        var commissionerPage = await commissioner.GetStringAsync(new Uri(url, UriKind.Relative));
        var administratorPage = await administrator.GetStringAsync(new Uri(url, UriKind.Relative));
        var commissionerAgain = await commissioner.GetStringAsync(new Uri(url, UriKind.Relative));
        var publicAgain = await visitor.GetStringAsync(new Uri(url, UriKind.Relative));

        foreach (var page in new[] { publicFirst, publicAgain })
        {
            page.Should().Contain("NHS Luton CCG").And.NotContain(commissionerEmail).And.NotContain(administratorEmail);
            DraftNames.Where(n => page.Contains(n, StringComparison.Ordinal)).Should().BeEmpty();
        }

        (await MainAsync(commissionerPage)).Should().Contain("NHS Lutonshire Draftname CCG", "a commissioner's page opens on the newest edition, the draft");
        (await MainAsync(administratorPage)).Should().Contain("NHS Lutonshire Draftname CCG");
        (await MainAsync(publicAgain)).Should().Contain("NHS Luton CCG").And.NotContain("Draftname");
        commissionerPage.Should().Contain($"Signed in as {commissionerEmail}").And.NotContain(administratorEmail);
        administratorPage.Should().Contain($"Signed in as {administratorEmail}").And.NotContain(commissionerEmail);
        commissionerAgain.Should().Contain($"Signed in as {commissionerEmail}").And.NotContain(administratorEmail);
        Accounts.TokenIn(commissionerAgain).Should().NotBeEmpty()
            .And.NotBe(Accounts.TokenIn(administratorPage), "each sign-out form carries its own person's token");
    }

    private static async Task<string> MainAsync(string page) => (await Html.ParseAsync(page)).QuerySelector("main")!.TextContent;

    private async Task<bool> ImportAsync(string content, string fileName, bool publish)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(content));
        var outcome = await _app.ImportAsync(stream, fileName, publish);
        outcome.Errors.Should().BeEmpty();
        return outcome.Succeeded;
    }
}
