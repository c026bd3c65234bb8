using System.Net;
using System.Text;
using LutonCancerSurvey.Core.Admin;
using LutonCancerSurvey.Web.Access;
using LutonCancerSurvey.Web.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>Draft editions reach signed-in commissioners only, until they are published.</summary>
public class PublicationTests
{
    // Invented figures for an invented edition; 7.37 and 93% appear nowhere else.
    private const string DraftEdition = """
        year,level,organisation_code,organisation_name,alliance_code,alliance_name,question,question_text,section,scoring,tumour_group,breakdown,basis,respondents,score,ci_lower,ci_upper,expected_lower,expected_upper,band,change_since_previous,change_overall,group_difference,suppressed,source_note
        2019,national,E92000001,England,,,Q59,"Overall, how would you rate your care?",Your overall NHS care,mean,All Cancers,all,unadjusted,60000,8.81,8.8,8.82,,,,,,,,
        2019,ccg,06P,NHS Luton CCG,,,Q59,"Overall, how would you rate your care?",Your overall NHS care,mean,All Cancers,all,adjusted,150,7.37,7.1,7.6,8.5,9.1,below,,,,,
        2019,ccg,06P,NHS Luton CCG,,,Q22,Did hospital staff give you information about financial help?,Support for people with cancer,percent,All Cancers,all,adjusted,150,93,88,96,50,66,above,,,,,
        """;

    private static readonly string[] DraftMarks = ["2019", "7.37", "93%"];

    // The same draft edition renames Luton, moves it to an Alliance only the draft has, and brings in a new CCG.
    private const string DraftOrganisations = """
        year,level,organisation_code,organisation_name,alliance_code,alliance_name,question,question_text,section,scoring,tumour_group,breakdown,basis,respondents,score,ci_lower,ci_upper,expected_lower,expected_upper,band,change_since_previous,change_overall,group_difference,suppressed,source_note
        2019,ccg,06P,NHS Draftrenamed CCG,E56000078,Draftmoved Alliance,Q59,"Overall, how would you rate your care?",Your overall NHS care,mean,All Cancers,all,unadjusted,150,7.41,7.2,7.6,,,,,,,,
        2019,ccg,ZZ6,NHS Draftonly CCG,E56000078,Draftmoved Alliance,Q59,"Overall, how would you rate your care?",Your overall NHS care,mean,All Cancers,all,unadjusted,99,8.1,7.9,8.3,,,,,,,,
        """;

    private static readonly string[] DraftOrganisationMarks = ["Draftrenamed", "Draftmoved", "Draftonly", "E56000078"];

    [Fact]
    public async Task DraftEdition_WalkedAsThePublic_ShowsNoDraftYearFigureOrOrganisationAnywhere()
    {
        using var app = new DashboardFactory();
        _ = app.Server;
        (await app.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(DraftEdition)), "draft-2019.csv", publish: false))
            .Succeeded.Should().BeTrue();
        (await app.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(DraftOrganisations)), "draft-2019-organisations.csv", publish: false))
            .Succeeded.Should().BeTrue();
        using var visitor = app.NewClient();

        var (leaks, visited) = await CrawlAsync(visitor, [.. DraftMarks, .. DraftOrganisationMarks]);
        using var direct = await visitor.GetAsync(new Uri("/organisations/06P?year=2019", UriKind.Relative));
        using var api = await visitor.GetAsync(new Uri("/api/v1/organisations/06P/results?year=2019", UriKind.Relative));
        using var draftOnly = await visitor.GetAsync(new Uri("/organisations/ZZ6", UriKind.Relative));
        using var draftOnlyApi = await visitor.GetAsync(new Uri("/api/v1/organisations/ZZ6/results", UriKind.Relative));

        leaks.Should().BeEmpty();
        visited.Should().Contain(["/organisations/06P?year=2016", "/organisations/06P?handler=csv&year=2016&tumour=all-cancers&basis=adjusted", "/about"]);
        direct.StatusCode.Should().Be(HttpStatusCode.NotFound);
        api.StatusCode.Should().Be(HttpStatusCode.NotFound);
        draftOnly.StatusCode.Should().Be(HttpStatusCode.NotFound);
        draftOnlyApi.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DraftEdition_OncePublished_IsThereForThePublic()
    {
        using var app = new DashboardFactory();
        _ = app.Server;
        await app.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(DraftEdition)), "draft-2019.csv", publish: false);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PublicationService>().PublishAsync(2019, "test", CancellationToken.None);
        }

        var overview = await app.GetDocumentAsync("/");
        var results = await app.GetDocumentAsync("/organisations/06P?year=2019");

        overview.TestId("overall-score").Should().Be("7.37");
        results.QuerySelector("[data-testid='result-22'] [data-testid='score']")!.TextContent.Should().Be("93%");
        results.QuerySelector("[data-testid='embargo']").Should().BeNull();
    }

    [Fact]
    public async Task DraftEdition_ForACommissioner_IsShownUnderAnEmbargoBanner()
    {
        using var app = new DashboardFactory();
        _ = app.Server;
        await app.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(DraftEdition)), "draft-2019.csv", publish: false);
        using var commissioner = await app.ClientAsAsync(Roles.Commissioner);

        var page = await Html.ParseAsync(await commissioner.GetStringAsync(new Uri("/organisations/06P?year=2019", UriKind.Relative)));
        var csv = await commissioner.GetStringAsync(new Uri("/organisations/06P?handler=csv&year=2019", UriKind.Relative));

        page.TestId("embargo").Should().StartWith("Embargoed — not for publication until it is published");
        page.QuerySelector("[data-testid='result-59'] [data-testid='score']")!.TextContent.Should().Be("7.37");
        csv.Should().StartWith("# EMBARGOED - not for publication until");
    }

    [Fact]
    public async Task ScheduledPublication_OnceItsTimeHasPassed_IsPublicWithNothingToRun()
    {
        using var app = new DashboardFactory();
        _ = app.Server;
        await app.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(DraftEdition)), "draft-2019.csv", publish: false);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PublicationService>()
                .ScheduleAsync(2019, DateTimeOffset.UtcNow.AddSeconds(-1), "test", CancellationToken.None);
        }

        var results = await app.GetDocumentAsync("/organisations/06P?year=2019");
        var question = await app.GetDocumentAsync("/organisations/06P/questions/59?year=2019");
        using var client = app.CreateClient();
        var csv = await client.GetStringAsync(new Uri("/organisations/06P?year=2019&handler=csv", UriKind.Relative));

        results.QuerySelector("[data-testid='result-59'] [data-testid='score']")!.TextContent.Should().Be("7.37");
        results.QuerySelector("[data-testid='embargo']").Should().BeNull("its publication time has passed, so it is no longer embargoed");
        question.QuerySelector("[data-testid='embargo']").Should().BeNull();
        csv.Should().NotContain("EMBARGOED");
    }

    [Fact]
    public async Task ScheduledPublication_WhenItsTimeComes_ReachesPagesAlreadySeen_WithNothingToRun()
    {
        // Both kinds of viewer have seen the organisation before the time comes, so what is held for them (the page
        // for the public, the organisation's header for both) must give way by the clock alone.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        using var app = new ClockedDashboard(time);
        _ = app.Server;
        await app.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(DraftEdition)), "draft-2019.csv", publish: false);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PublicationService>()
                .ScheduleAsync(2019, time.GetUtcNow().AddHours(1), "test", CancellationToken.None);
        }

        using var commissioner = await app.ClientAsAsync(Roles.Commissioner);
        using var visitor = app.CreateClient();
        var commissionerBefore = await Html.ParseAsync(await commissioner.GetStringAsync(new Uri("/organisations/06P?year=2019", UriKind.Relative)));
        using var publicBefore = await visitor.GetAsync(new Uri("/organisations/06P?year=2019", UriKind.Relative));
        time.Advance(TimeSpan.FromHours(2));
        var commissionerAfter = await Html.ParseAsync(await commissioner.GetStringAsync(new Uri("/organisations/06P?year=2019", UriKind.Relative)));
        var publicAfter = await Html.ParseAsync(await visitor.GetStringAsync(new Uri("/organisations/06P?year=2019", UriKind.Relative)));

        commissionerBefore.TestId("embargo").Should().StartWith("Embargoed — not for publication until");
        (await publicBefore.Content.ReadAsStringAsync()).Should().NotContain("7.37");
        publicAfter.QuerySelector("[data-testid='result-59'] [data-testid='score']")!.TextContent.Should().Be("7.37");
        publicAfter.QuerySelector("[data-testid='embargo']").Should().BeNull();
        commissionerAfter.QuerySelector("[data-testid='embargo']").Should().BeNull("the figures are public now");
    }

    private sealed class ClockedDashboard(TimeProvider time) : DashboardFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(time));
        }
    }

    [Fact]
    public async Task TwoInstances_ShareSignIns_AndTheSecondSeesAnUnpublishWithinTheStampLifetime()
    {
        using var first = new DashboardFactory();
        using var admin = await first.ClientAsAsync(Roles.Administrator);
        using var second = new SecondInstance(first);
        using var onSecond = second.NewClient();
        var cookie = await SignInCookieAsync(first);
        onSecond.DefaultRequestHeaders.Add("Cookie", cookie);
        using var publicOnSecond = second.NewClient();
        var cachedBefore = await publicOnSecond.GetStringAsync(new Uri("/", UriKind.Relative));

        using var adminOnSecond = await onSecond.GetAsync(new Uri("/admin", UriKind.Relative));
        using var unpublished = await admin.PostFormAsync("/admin", "/admin?handler=Unpublish", new() { ["year"] = "2016", ["confirmed"] = "true" });
        var waited = System.Diagnostics.Stopwatch.StartNew();
        string overview;
        do
        {
            overview = await publicOnSecond.GetStringAsync(new Uri("/", UriKind.Relative));
        }
        while (!overview.Contains("data-testid=\"no-home\"", StringComparison.Ordinal) && waited.Elapsed < TimeSpan.FromSeconds(10));

        adminOnSecond.StatusCode.Should().Be(HttpStatusCode.OK, "the second instance reads the first one's sign-in cookie");
        unpublished.StatusCode.Should().Be(HttpStatusCode.Redirect);
        cachedBefore.Should().Contain("data-testid=\"overall-score\"");
        overview.Should().Contain("no published results", "the stamp is held for 1 s, so the second instance sees the change within about that");
    }

    [Fact]
    public async Task Upload_PreviewedThenCancelled_WritesNothing_AndConfirmedIsAudited()
    {
        using var app = new DashboardFactory();
        using var admin = await app.ClientAsAsync(Roles.Administrator);

        var preview = await UploadAsync(admin, DraftEdition);
        var id = System.Text.RegularExpressions.Regex.Match(preview, "name=\"id\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        using var cancelled = await admin.PostFormAsync("/admin/upload", "/admin/upload?handler=Cancel", new() { ["id"] = id });
        var afterCancel = await admin.GetStringAsync(new Uri("/admin", UriKind.Relative));

        var again = await UploadAsync(admin, DraftEdition);
        var id2 = System.Text.RegularExpressions.Regex.Match(again, "name=\"id\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        using var confirmed = await admin.PostFormAsync("/admin/upload", "/admin/upload?handler=Confirm", new() { ["id"] = id2 });
        var afterConfirm = await admin.GetStringAsync(new Uri("/admin", UriKind.Relative));
        var audit = await admin.GetStringAsync(new Uri("/admin/audit", UriKind.Relative));

        preview.Should().Contain("data-testid=\"preview-title\"").And.Contain("2019 will be imported as a draft");
        afterCancel.Should().NotContain("data-testid=\"edition-2019\"");
        confirmed.StatusCode.Should().Be(HttpStatusCode.Redirect);
        afterConfirm.Should().Contain("data-testid=\"edition-2019\"");
        audit.Should().Contain("upload-2019.csv: 3 rows (3 added, 0 replaced) for 2019 (Draft)");
    }

    [Fact]
    public async Task Schedule_OfAPublishedEdition_IsRefusedAndLeavesItPublic()
    {
        using var app = new DashboardFactory();
        using var admin = await app.ClientAsAsync(Roles.Administrator);
        var at = DateTime.UtcNow.AddDays(30);

        using var response = await admin.PostFormAsync("/admin", "/admin?handler=Schedule", new()
        {
            ["year"] = "2016",
            ["entry.Day"] = at.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["entry.Month"] = at.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["entry.Year"] = at.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["entry.Hour"] = "9",
            ["entry.Minute"] = "30",
        });
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        var overview = await app.NewClient().GetStringAsync(new Uri("/", UriKind.Relative));
        var audit = await admin.GetStringAsync(new Uri("/admin/audit", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        page.TestId("problem").Should().Contain("This edition is already public, so it cannot be scheduled");
        page.QuerySelector("[data-testid='edition-2016'] [data-testid='status']")!.TextContent.Should().Contain("Published");
        page.QuerySelector("[data-testid='edition-2016'] form[action*='Schedule']").Should().BeNull("a public edition offers no schedule");
        overview.Should().Contain("data-testid=\"overall-score\"");
        audit.Should().NotContain("scheduled for publication");
    }

    [Fact]
    public async Task StagedUploads_LeftWaiting_AreListedForTheAdministrator_AndRemovedOnceStale()
    {
        using var app = new DashboardFactory();
        using var admin = await app.ClientAsAsync(Roles.Administrator);
        await UploadAsync(admin, DraftEdition);
        var uploads = app.Services.GetRequiredService<LutonCancerSurvey.Web.Pages.Admin.StagedUploads>();
        var waiting = uploads.List().Single();
        File.WriteAllText(Path.Combine(uploads.Folder, Guid.NewGuid().ToString("N") + ".upload.name"), "crashed.csv");

        var listed = await Html.ParseAsync(await admin.GetStringAsync(new Uri("/admin", UriKind.Relative)));
        var removedEarly = uploads.RemoveStale();
        File.SetLastWriteTimeUtc(uploads.PathOf(waiting.Id), DateTime.UtcNow.AddHours(-25));
        var removedLate = uploads.RemoveStale();
        var after = await Html.ParseAsync(await admin.GetStringAsync(new Uri("/admin", UriKind.Relative)));

        listed.TestId("staged-uploads").Should().Contain("upload-2019.csv").And.Contain("MiB, staged 0 min ago");
        removedEarly.Should().ContainSingle().Which.Should().EndWith(".upload.name", "a name without its upload is what a crash leaves");
        removedLate.Should().Equal(waiting.Id + ".upload");
        Directory.EnumerateFiles(uploads.Folder).Should().BeEmpty();
        after.TestId("no-staged-uploads").Should().Be("No upload is waiting.");
    }

    [Fact]
    public async Task Upload_OfABadFile_ListsItsErrorsAndWritesNothing()
    {
        using var app = new DashboardFactory();
        using var admin = await app.ClientAsAsync(Roles.Administrator);

        var page = await UploadAsync(admin, DraftEdition.Replace("7.37", "17.37", StringComparison.Ordinal));

        page.Should().Contain("upload-2019.csv cannot be imported").And.Contain("line 3, column &#x27;score&#x27;");
        (await admin.GetStringAsync(new Uri("/admin", UriKind.Relative))).Should().NotContain("data-testid=\"edition-2019\"");
    }

    private static async Task<string> UploadAsync(HttpClient admin, string content)
    {
        var token = await Accounts.AntiforgeryTokenAsync(admin, "/admin/upload");
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        form.Add(file, "file", "upload-2019.csv");
        using var tokenField = new StringContent(token);
        form.Add(tokenField, "__RequestVerificationToken");
        using var response = await admin.PostAsync(new Uri("/admin/upload?handler=Upload", UriKind.Relative), form);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> SignInCookieAsync(DashboardFactory app)
    {
        var email = await app.CreateUserAsync(Roles.Administrator);
        using var client = app.NewClient();
        using var response = await client.SignInAsync(email, Accounts.Password);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("lcs.auth=", StringComparison.Ordinal)).Split(';')[0];
    }

    /// <summary>
    /// An API answer without its questionnaire, which names the years that questionnaire is the default for (2015 to
    /// 2019 for the built-in one): that is not a draft edition's year, and every other "2019" must still be absent.
    /// </summary>
    private static string WithoutQuestionnaire(string body)
    {
        if (System.Text.Json.Nodes.JsonNode.Parse(body) is System.Text.Json.Nodes.JsonObject answer && answer.Remove("questionnaire"))
        {
            return answer.ToJsonString();
        }

        return body;
    }

    /// <summary>Follows every link on the site from the overview, and fetches every download and API route it finds.</summary>
    private static async Task<(List<string> Leaks, HashSet<string> Visited)> CrawlAsync(HttpClient client, IReadOnlyList<string> marks)
    {
        var leaks = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>([
            "/", "/api/v1/organisations", "/api/v1/organisations/06P/results", "/api/v1/organisations/E92000001/results", "/openapi/v1.json",
            "/organisations?q=NHS", "/organisations?q=CCG&level=ccg", "/compare?codes=06P", "/compare?codes=06P,ZZ6",
            "/organisations/ZZ6", "/organisations/ZZ6/briefing", "/organisations/ZZ6/questions/59", "/api/v1/organisations/ZZ6/results"]);
        while (queue.Count > 0 && seen.Count < 300)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url))
            {
                continue;
            }

            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            var isHtml = response.Content.Headers.ContentType?.MediaType == "text/html";
            var text = isHtml ? (await Html.ParseAsync(body)).Body!.TextContent : response.Content.Headers.ContentType?.MediaType == "application/json" ? WithoutQuestionnaire(body) : body;
            leaks.AddRange(marks.Where(m => text.Contains(m, StringComparison.Ordinal)).Select(m => $"{url} shows {m}"));
            if (!isHtml)
            {
                continue;
            }

            var page = await Html.ParseAsync(body);
            foreach (var href in page.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal) && !href.StartsWith("/account", StringComparison.Ordinal)
                    && !href.StartsWith("/admin", StringComparison.Ordinal))
                {
                    queue.Enqueue(WebUtility.HtmlDecode(href.Split('#')[0]));
                }
            }

            foreach (var option in page.QuerySelectorAll("select option[value]").Select(o => o.GetAttribute("value")!))
            {
                leaks.AddRange(marks.Where(m => option.Contains(m, StringComparison.Ordinal)).Select(m => $"{url} offers {m} in a filter"));
            }
        }

        return (leaks, seen);
    }
}
