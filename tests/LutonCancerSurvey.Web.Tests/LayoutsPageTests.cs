using System.Net;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Web.Access;
using LutonCancerSurvey.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>Saved layouts leave one instance as a JSON download and arrive in another through the upload page.</summary>
public class LayoutsPageTests
{
    private static readonly LayoutDefinition Layout = new()
    {
        Name = "Trust results",
        Header = ["Year", "Org type", "Code", "Organisation", "Question", "Wording", "Base", "Result"],
        Columns = new Dictionary<string, string>
        {
            ["year"] = "Year", ["level"] = "Org type", ["organisation_code"] = "Code", ["organisation_name"] = "Organisation",
            ["question"] = "Question", ["question_text"] = "Wording", ["respondents"] = "Base", ["score"] = "Result",
        },
        Fixed = new Dictionary<string, string> { ["basis"] = "unadjusted" },
        SuppressionMarkers = new Dictionary<string, string> { ["<21"] = "few-respondents" },
    };

    [Fact]
    public async Task Layouts_DownloadedFromOneInstanceAndImportedIntoAnother_AreListedThere()
    {
        using var source = new DashboardFactory();
        await using (var scope = source.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SavedLayouts>().SaveAsync(Layout, "admin@example.nhs.uk", CancellationToken.None);
        }

        using var sourceAdmin = await source.ClientAsAsync(Roles.Administrator);
        var json = await sourceAdmin.GetStringAsync(new Uri("/admin/upload?handler=Layouts", UriKind.Relative));
        using var target = new DashboardFactory();
        using var targetAdmin = await target.ClientAsAsync(Roles.Administrator);

        var token = await Accounts.AntiforgeryTokenAsync(targetAdmin, "/admin/upload");
        using var form = new MultipartFormDataContent();
        using var file = new StringContent(json);
        form.Add(file, "layoutsFile", "layouts.json");
        using var tokenField = new StringContent(token);
        form.Add(tokenField, "__RequestVerificationToken");
        using var response = await targetAdmin.PostAsync(new Uri("/admin/upload?handler=ImportLayouts", UriKind.Relative), form);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        page.TestId("upload-message").Should().Be("Imported 1 layout: Trust results.");
        page.TestId("saved-layout").Should().Be("Trust results");
        await using var check = target.Services.CreateAsyncScope();
        (await check.ServiceProvider.GetRequiredService<SavedLayouts>().FindAsync("Trust results", CancellationToken.None))
            .Should().BeEquivalentTo(Layout);
    }

    [Fact]
    public async Task Upload_OfFileReadWithASavedLayout_OffersToChangeThatLayout()
    {
        using var app = new DashboardFactory();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SavedLayouts>().SaveAsync(
                Layout with { Fixed = new Dictionary<string, string> { ["basis"] = "unadjusted", ["section"] = "Support for people with cancer", ["scoring"] = "percent" } },
                "admin@example.nhs.uk", CancellationToken.None);
        }

        using var admin = await app.ClientAsAsync(Roles.Administrator);
        const string Csv = "Year,Org type,Code,Organisation,Question,Wording,Base,Result\n"
            + "2022,Trust,RZZ,Testshire Hospitals NHS Trust,22,Were you told how to get financial help?,204,61%\n";
        var preview = await UploadAsync(admin, Csv, "trusts.csv");
        var id = System.Text.RegularExpressions.Regex.Match(preview, "name=\"id\" value=\"([0-9a-f]{32})\"").Groups[1].Value;

        using var edit = await admin.PostFormAsync("/admin/upload", "/admin/upload?handler=Map", new() { ["id"] = id, ["name"] = "Trust results", ["step"] = "edit" });
        var form = await Html.ParseAsync(await edit.Content.ReadAsStringAsync());

        (await Html.ParseAsync(preview)).TestId("preview-layout").Should().Be("Read with the saved layout Trust results.");
        edit.StatusCode.Should().Be(HttpStatusCode.OK);
        form.QuerySelector("[data-testid='column-respondents'] option[selected]")!.TextContent.Should().Be("Base");
        form.QuerySelector("[data-testid='fixed-section']")!.GetAttribute("value").Should().Be("Support for people with cancer");
        form.QuerySelector("[data-testid='layout-name']")!.GetAttribute("value").Should().Be("Trust results");
    }

    [Fact]
    public async Task Layout_Deleted_IsNoLongerListedNorUsed()
    {
        using var app = new DashboardFactory();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SavedLayouts>().SaveAsync(Layout, "admin@example.nhs.uk", CancellationToken.None);
        }

        using var admin = await app.ClientAsAsync(Roles.Administrator);

        using var response = await admin.PostFormAsync("/admin/upload", "/admin/upload?handler=DeleteLayout", new() { ["name"] = "Trust results" });
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        page.TestId("upload-message").Should().Be("The layout 'Trust results' was deleted: files with its header are no longer read with it.");
        page.TestId("saved-layouts").Should().Be("No layout is saved yet.");
        await using var check = app.Services.CreateAsyncScope();
        (await check.ServiceProvider.GetRequiredService<SavedLayouts>().FindAsync("Trust results", CancellationToken.None)).Should().BeNull();
    }

    private static async Task<string> UploadAsync(HttpClient admin, string content, string name)
    {
        var token = await Accounts.AntiforgeryTokenAsync(admin, "/admin/upload");
        using var form = new MultipartFormDataContent();
        using var file = new StringContent(content);
        form.Add(file, "file", name);
        using var tokenField = new StringContent(token);
        form.Add(tokenField, "__RequestVerificationToken");
        using var response = await admin.PostAsync(new Uri("/admin/upload?handler=Upload", UriKind.Relative), form);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task Layouts_FileOfSomethingElse_IsRefusedAndNothingSaved()
    {
        using var app = new DashboardFactory();
        using var admin = await app.ClientAsAsync(Roles.Administrator);

        var token = await Accounts.AntiforgeryTokenAsync(admin, "/admin/upload");
        using var form = new MultipartFormDataContent();
        using var file = new StringContent("""{"layouts": []}""");
        form.Add(file, "layoutsFile", "layouts.json");
        using var tokenField = new StringContent(token);
        form.Add(tokenField, "__RequestVerificationToken");
        using var response = await admin.PostAsync(new Uri("/admin/upload?handler=ImportLayouts", UriKind.Relative), form);
        var body = await response.Content.ReadAsStringAsync();

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        body.Should().Contain("No layout was imported");
        (await Html.ParseAsync(body)).TestId("saved-layouts").Should().Be("No layout is saved yet.");
    }
}
