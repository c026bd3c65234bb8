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
        page.TestId("saved-layouts").Should().Be("Trust results");
        await using var check = target.Services.CreateAsyncScope();
        (await check.ServiceProvider.GetRequiredService<SavedLayouts>().FindAsync("Trust results", CancellationToken.None))
            .Should().BeEquivalentTo(Layout);
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
