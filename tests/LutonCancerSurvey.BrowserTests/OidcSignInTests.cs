using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using LutonCancerSurvey.BrowserTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LutonCancerSurvey.BrowserTests;

/// <summary>
/// A person signs in through their organisation in a real browser: the dashboard's button, the provider's own login
/// and consent pages, and back, signed in with the role of the account an administrator invited.
/// </summary>
[Collection(OidcBrowserGroup.Name)]
public class OidcSignInTests
{
    private readonly OidcBrowser _oidc;
    private readonly ITestOutputHelper _output;

    public OidcSignInTests(OidcBrowser oidc, ITestOutputHelper output)
    {
        _oidc = oidc;
        _output = output;
    }

    [RequiresFact(Needs.Chromium | Needs.OidcProvider)]
    public async Task InvitedCommissioner_SignsInThroughTheProvidersLoginPage_AndLandsSignedInWithTheRole()
    {
        var email = await _oidc.InviteAsync("Commissioner");
        var login = $"person-{Guid.NewGuid():N}";
        _oidc.Provider.AddAccount(login, email);
        var (context, page, errors) = await _oidc.OpenAsync();
        await using var _ = context;

        await page.GotoAsync(new Uri(_oidc.App.BaseAddress, "/account/sign-in?ReturnUrl=%2Fcompare").ToString());
        var signInViolations = await ViolationsAsync(page);
        await page.ClickAsync("[data-testid='sign-in-organisation']");
        await page.WaitForURLAsync(url => url.StartsWith(_oidc.Provider.Issuer.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal));
        await page.FillAsync("input[name='login']", login);
        await page.FillAsync("input[name='password']", "any password: the test provider accepts every one");
        await page.ClickAsync("button[type='submit']");
        await page.ClickAsync("button[type='submit']:has-text('Continue')");
        await page.WaitForURLAsync(url => url.StartsWith(_oidc.App.BaseAddress.ToString(), StringComparison.Ordinal));

        new Uri(page.Url).PathAndQuery.Should().Be("/compare");
        (await page.TextContentAsync("[data-testid='account']")).Should()
            .Contain($"Signed in as {email}").And.Contain("(commissioner: you can see embargoed results)");
        signInViolations.Should().BeEmpty("the sign-in page with the organisation's button should have no WCAG 2.1 A/AA violations");
        errors.Should().BeEmpty();
    }

    [RequiresFact(Needs.Chromium | Needs.OidcProvider)]
    public async Task UninvitedPerson_IsRefusedWithAnAccessibleExplanation_AndNotSignedIn()
    {
        var email = $"stranger-{Guid.NewGuid():N}@example.nhs.uk";
        var login = $"person-{Guid.NewGuid():N}";
        _oidc.Provider.AddAccount(login, email);
        var (context, page, errors) = await _oidc.OpenAsync();
        await using var _ = context;

        await page.GotoAsync(new Uri(_oidc.App.BaseAddress, "/account/sign-in").ToString());
        await page.ClickAsync("[data-testid='sign-in-organisation']");
        await page.FillAsync("input[name='login']", login);
        await page.FillAsync("input[name='password']", "any password: the test provider accepts every one");
        await page.ClickAsync("button[type='submit']");
        await page.ClickAsync("button[type='submit']:has-text('Continue')");
        await page.WaitForSelectorAsync("[data-testid='sign-in-error']");

        (await page.TextContentAsync("[data-testid='sign-in-error']")).Should().Contain($"There is no account for {email} on this dashboard");
        (await page.TextContentAsync("[data-testid='account']")).Should().Contain("Sign in").And.NotContain("Signed in as");
        (await ViolationsAsync(page)).Should().BeEmpty("the refusal should have no WCAG 2.1 A/AA violations");
        // Chromium reports the refusal page's own 403 status on the console; nothing else may fail.
        errors.Should().Equal($"console: Failed to load resource: the server responded with a status of 403 (Forbidden) ({page.Url}:0:0)");
    }

    private async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Visit.WcagTags] },
        });
        var violations = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(" | ", v.Nodes.Take(5).Select(n => n.Html))}")
            .ToList();
        foreach (var violation in violations)
        {
            _output.WriteLine(violation);
        }

        return violations;
    }
}
