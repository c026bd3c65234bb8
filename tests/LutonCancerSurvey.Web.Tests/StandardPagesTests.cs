using System.Net;
using System.Security.Cryptography;
using System.Text;
using LutonCancerSurvey.Web.Access;
using LutonCancerSurvey.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>The pages an NHS service is expected to have, and what every page carries: no cookies for the public, a
/// description of its own, and exactly one inline script, allowed by its hash.</summary>
public class StandardPagesTests : IClassFixture<DashboardFactory>
{
    private readonly DashboardFactory _app;

    public StandardPagesTests(DashboardFactory app) => _app = app;

    /// <summary>Every public page type (on the seed), the standard pages, a download and the API.</summary>
    public static TheoryData<string> PublicPaths => new()
    {
        "/",
        "/organisations",
        "/organisations?q=luton",
        "/organisations/06P",
        "/organisations/06P/questions/59",
        "/organisations/06P/briefing",
        "/organisations/06P/inequalities",
        "/organisations/06P?handler=csv",
        "/compare?codes=06P",
        "/about",
        "/accessibility",
        "/cookies",
        "/api-reference",
        "/api/v1/organisations",
        "/openapi/v1.json",
    };

    [Theory]
    [MemberData(nameof(PublicPaths))]
    public async Task PublicPage_SetsNoCookie(string path)
    {
        using var client = _app.NewClient();

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.Contains("Set-Cookie").Should().BeFalse($"{path} is public and the cookies page says public pages set no cookies");
    }

    [Fact]
    public async Task EveryPage_HasADescriptionOfItsOwn()
    {
        using var client = _app.NewClient();
        var descriptions = new Dictionary<string, string>();

        foreach (var path in new[] { "/", "/organisations", "/organisations/06P", "/organisations/06P/questions/59", "/organisations/06P/briefing", "/organisations/06P/inequalities", "/compare", "/about", "/accessibility", "/cookies", "/api-reference", "/account/sign-in" })
        {
            var page = await Html.ParseAsync(await client.GetStringAsync(new Uri(path, UriKind.Relative)));
            descriptions[path] = page.QuerySelectorAll("meta[name='description']").Single().GetAttribute("content") ?? string.Empty;
        }

        descriptions.Values.Should().OnlyContain(d => d.Length >= 50, "a description says what the page holds");
        descriptions.Values.Should().OnlyHaveUniqueItems("each page describes itself");
        descriptions["/about"].Should().Be("What the National Cancer Patient Experience Survey measures and how to read this dashboard: scores, case-mix adjustment, expected ranges, suppressed results and the API.");
    }

    [Fact]
    public async Task TheOneInlineScript_IsAllowedByItsHash_AndNoOtherInlineScriptIs()
    {
        using var client = _app.NewClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        var inline = page.QuerySelectorAll("script:not([src])").ToList();
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline.Single().TextContent)));

        inline.Single().ParentElement!.TagName.Should().Be("BODY");
        inline.Single().TextContent.Should().Contain("js-enabled");
        csp.Should().Contain($"script-src 'self' 'sha256-{hash}';").And.NotContain("unsafe-inline");
    }

    [Fact]
    public async Task Footer_LinksTheStandardPages_AndTheConfiguredContactAddress()
    {
        using var client = _app.NewClient();

        var page = await Html.ParseAsync(await client.GetStringAsync(new Uri("/", UriKind.Relative)));
        var links = page.QuerySelectorAll("[data-testid='footer-links'] a").Select(a => a.GetAttribute("href")).ToList();
        var accessibility = await Html.ParseAsync(await client.GetStringAsync(new Uri("/accessibility", UriKind.Relative)));

        links.Should().Equal("/about", "/api-reference", "/accessibility", "/cookies", "mailto:" + DashboardFactory.ContactEmail);
        page.QuerySelector("[data-testid='phase-banner'] a")!.GetAttribute("href").Should().StartWith("mailto:" + DashboardFactory.ContactEmail);
        page.TestId("phase-banner-text").Should().Be("This is a new service – your feedback will help us improve it.");
        accessibility.TestId("accessibility-contact").Should().Contain(DashboardFactory.ContactEmail);
    }

    [Fact]
    public async Task ApiReference_ListsEveryOperationOfTheServedOpenApiDocument()
    {
        using var client = _app.NewClient();

        using var openApi = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        var page = await Html.ParseAsync(await client.GetStringAsync(new Uri("/api-reference", UriKind.Relative)));
        var about = await Html.ParseAsync(await client.GetStringAsync(new Uri("/about", UriKind.Relative)));
        var served = openApi.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => $"{o.Name.ToUpperInvariant()} {p.Name}")).ToList();

        page.QuerySelectorAll("[data-testid='endpoint'] h2").Select(h => h.TextContent.Trim()).Should()
            .Equal(served).And.Contain("GET /api/v1/organisations/{code}/results");
        var endpoints = page.QuerySelectorAll("[data-testid='endpoint']");
        endpoints[endpoints.Length - 1].QuerySelectorAll("[data-testid='parameters'] tbody th")
            .Select(th => th.TextContent.Trim()).Should().Equal("code", "year", "tumourGroup", "basis", "breakdown");
        about.QuerySelector("[data-testid='about-api-link']")!.GetAttribute("href").Should().Be("/api-reference");
    }

    [Fact]
    public async Task Embargo_IsAWarningCallout_NotAnError()
    {
        using var app = new DashboardFactory();
        _ = app.Server;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<LutonCancerSurvey.Core.Admin.PublicationService>()
                .UnpublishAsync(2016, "test", CancellationToken.None);
        }

        using var commissioner = await app.ClientAsAsync(Roles.Commissioner);
        var page = await Html.ParseAsync(await commissioner.GetStringAsync(new Uri("/organisations/06P?year=2016", UriKind.Relative)));
        var embargo = page.QuerySelector("[data-testid='embargo']")!;

        embargo.ClassList.Should().Equal("nhsuk-warning-callout");
        embargo.QuerySelector(".nhsuk-warning-callout__label")!.TextContent.Should().StartWith("Embargoed — not for publication until");
    }
}

/// <summary>Publishing and unpublishing ask first; scheduling reads the NHS date input and refuses impossible dates.</summary>
public class PublicationConfirmationTests
{
    [Theory]
    [InlineData("Unpublish", "Unpublish 2016?")]
    [InlineData("Publish", "Publish 2016 now?")]
    public async Task FirstPost_AsksForConfirmation_AndChangesNothing(string handler, string question)
    {
        using var app = new DashboardFactory();
        using var admin = await app.ClientAsAsync(Roles.Administrator);
        if (handler == "Publish")
        {
            using var unpublished = await admin.PostFormAsync("/admin", "/admin?handler=Unpublish", new() { ["year"] = "2016", ["confirmed"] = "true" });
        }

        var auditBefore = await AuditAsync(admin);
        using var asked = await admin.PostFormAsync("/admin", $"/admin?handler={handler}", new() { ["year"] = "2016" });
        var page = await Html.ParseAsync(await asked.Content.ReadAsStringAsync());
        var auditAfter = await AuditAsync(admin);
        var form = page.QuerySelector($"[data-testid='confirm-{handler.ToLowerInvariant()}'] form")!;

        asked.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector($"[data-testid='confirm-{handler.ToLowerInvariant()}'] h2")!.TextContent.Should().Be(question);
        form.GetAttribute("action").Should().Be($"/admin?handler={handler}");
        form.QuerySelector("input[name='confirmed']")!.GetAttribute("value").Should().Be("true");
        page.QuerySelector("[data-testid='cancel']")!.GetAttribute("href").Should().Be("/admin");
        page.QuerySelector("[data-testid='edition-2016'] [data-testid='status']")!.TextContent
            .Should().Contain(handler == "Publish" ? "Draft (embargoed)" : "Published", "nothing changes until it is confirmed");
        auditAfter.Should().Equal(auditBefore);
    }

    /// <summary>The audit log's entries, as the page lists them.</summary>
    private static async Task<List<string>> AuditAsync(HttpClient admin) =>
        (await Html.ParseAsync(await admin.GetStringAsync(new Uri("/admin/audit", UriKind.Relative))))
            .QuerySelectorAll("tbody tr").Select(r => r.TextContent.Trim()).ToList();

    [Fact]
    public async Task ConfirmationOfAnEditionThatDoesNotExist_IsRefused()
    {
        using var app = new DashboardFactory();
        using var admin = await app.ClientAsAsync(Roles.Administrator);

        using var asked = await admin.PostFormAsync("/admin", "/admin?handler=Publish", new() { ["year"] = "1999" });
        var page = await Html.ParseAsync(await asked.Content.ReadAsStringAsync());

        asked.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        page.TestId("problem").Should().Contain("There is no such edition.");
        page.QuerySelector("[data-testid='confirm-publish']").Should().BeNull();
    }

    [Theory]
    [InlineData("31", "2", "2027", "9", "30", "The publication date must be a real date, for example 13 8 2026.")]
    [InlineData("13", "13", "2027", "9", "30", "The publication date must be a real date, for example 13 8 2026.")]
    [InlineData("13", "8", "27", "9", "30", "The publication date must be a real date, for example 13 8 2026.")]
    [InlineData("", "", "", "9", "30", "Enter the publication date, for example 13 8 2026.")]
    [InlineData("13", "", "2027", "9", "30", "The publication date must include a month.")]
    [InlineData("13", "8", "2027", "24", "00", "The publication time must be a real time on the 24-hour clock: hour 0 to 23, minute 0 to 59.")]
    [InlineData("13", "8", "2027", "", "", "Enter the hour and minute of publication on the 24-hour clock, for example 9 and 30.")]
    [InlineData("13", "8", "2020", "9", "30", "The publication time must be in the future. To publish now, use Publish.")]
    public async Task Schedule_WithAnImpossibleOrMissingDate_SaysWhy_KeepsTheEntry_AndChangesNothing(
        string day, string month, string year, string hour, string minute, string problem)
    {
        using var app = new DashboardFactory();
        using var admin = await app.ClientAsAsync(Roles.Administrator);
        using var unpublished = await admin.PostFormAsync("/admin", "/admin?handler=Unpublish", new() { ["year"] = "2016", ["confirmed"] = "true" });
        var auditBefore = await AuditAsync(admin);

        using var response = await admin.PostFormAsync("/admin", "/admin?handler=Schedule", new()
        {
            ["year"] = "2016", ["entry.Day"] = day, ["entry.Month"] = month, ["entry.Year"] = year, ["entry.Hour"] = hour, ["entry.Minute"] = minute,
        });
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        var auditAfter = await AuditAsync(admin);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        page.TestId("problem").Should().EndWith(problem);
        page.TestId("schedule-error").Should().Be("Error: " + problem);
        (page.QuerySelector("#at-2016-day")!.GetAttribute("value") ?? string.Empty).Should().Be(day, "the entry is shown again as typed");
        (page.QuerySelector("#at-2016-year")!.GetAttribute("value") ?? string.Empty).Should().Be(year);
        page.QuerySelector("[data-testid='edition-2016'] [data-testid='status']")!.TextContent.Should().Contain("Draft (embargoed)");
        auditAfter.Should().Equal(auditBefore);
    }

    [Fact]
    public async Task Schedule_WithARealDate_IsSetInUkTime()
    {
        using var app = new DashboardFactory();
        using var admin = await app.ClientAsAsync(Roles.Administrator);
        using var unpublished = await admin.PostFormAsync("/admin", "/admin?handler=Unpublish", new() { ["year"] = "2016", ["confirmed"] = "true" });
        var year = (DateTime.UtcNow.Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var response = await admin.PostFormAsync("/admin", "/admin?handler=Schedule", new()
        {
            ["year"] = "2016", ["entry.Day"] = "13", ["entry.Month"] = "8", ["entry.Year"] = year, ["entry.Hour"] = "9", ["entry.Minute"] = "30",
        });
        var page = await Html.ParseAsync(await admin.GetStringAsync(new Uri("/admin", UriKind.Relative)));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        page.TestId("admin-message").Should().Be($"2016 will be published on 13 August {year} at 09:30 UK time.");
        page.QuerySelector("[data-testid='edition-2016'] [data-testid='status']")!.TextContent.Should().Contain("Scheduled");
    }
}
