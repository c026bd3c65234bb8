using LutonCancerSurvey.BrowserTests.Support;
using Xunit.Abstractions;

namespace LutonCancerSurvey.BrowserTests;

/// <summary>The sign-in page and, signed in as an administrator, every administration page: clean and accessible.</summary>
[Collection(BrowserGroup.Name)]
public class SignedInPageTests
{
    private readonly BrowserDashboard _app;
    private readonly ITestOutputHelper _output;

    public SignedInPageTests(BrowserDashboard app, ITestOutputHelper output)
    {
        _app = app;
        _output = output;
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task SignInPage_HasNoWcagViolations()
    {
        await using var visit = await _app.OpenAsync("/account/sign-in");

        var violations = await visit.AccessibilityViolationsAsync();

        visit.Errors.Should().BeEmpty();
        violations.Should().BeEmpty();
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task HttpsRequiredPage_HasNoWcagViolations()
    {
        await using var visit = await _app.OpenAsync("/account/https-required");

        var violations = await visit.AccessibilityViolationsAsync();

        visit.Errors.Should().BeEmpty();
        violations.Should().BeEmpty();
    }

    [RequiresFact(Needs.Chromium | Needs.RealData)]
    public async Task AdministrationPages_SignedInWithTheForm_LoadCleanlyWithNoWcagViolations()
    {
        var email = await _app.CreateAdministratorAsync();
        await using var visit = await _app.OpenAsync("/account/sign-in");
        await visit.Page.FillAsync("#Email", email);
        await visit.Page.FillAsync("#Password", BrowserDashboard.AdministratorPassword);
        await visit.Page.ClickAsync("[data-testid='sign-in']");
        await visit.Page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));

        foreach (var path in new[] { "/admin", "/admin/upload", "/admin/users", "/admin/audit", "/organisations/06P?year=2018" })
        {
            await visit.GoToAsync(new Uri(_app.BaseAddress, path));
            var violations = await visit.AccessibilityViolationsAsync();
            foreach (var violation in violations)
            {
                _output.WriteLine($"{path}: {violation}");
            }

            violations.Should().BeEmpty($"{path} should have no WCAG 2.1 A/AA violations");
        }

        (await visit.Page.TextContentAsync("[data-testid='account']")).Should().Contain("(administrator)");
        visit.Errors.Should().BeEmpty();
    }
}
