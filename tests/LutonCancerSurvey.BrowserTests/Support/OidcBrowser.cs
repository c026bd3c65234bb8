using LutonCancerSurvey.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LutonCancerSurvey.BrowserTests.Support;

/// <summary>
/// The dashboard configured to sign in through a real OpenID Connect provider (tests/oidc-provider, on its own
/// loopback port), and one headless Chromium to go through the provider's own login and consent pages.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes a fixture through IAsyncLifetime.DisposeAsync")]
public sealed class OidcBrowser : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly OidcProviderFixture _oidc = new();
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public OidcDashboard App => _oidc.App();

    public OidcProvider Provider => _oidc.Running;

    public async Task InitializeAsync()
    {
        if (OidcBrowserRequirements.Missing() is { } why)
        {
            if (BrowserRequirements.InCi)
            {
                throw new InvalidOperationException($"The OpenID Connect browser tests cannot run in CI: {why}.");
            }

            return; // every test skips with the reason
        }

        await _oidc.InitializeAsync();
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserRequirements.ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>A local account with the role: the administrator's invitation.</summary>
    public async Task<string> InviteAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.nhs.uk";
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        (await users.CreateAsync(user)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
        return email;
    }

    /// <summary>
    /// A fresh browser context that may reach the app and the provider only (webfonts are answered with nothing, as
    /// in the other browser tests); anything else is refused and counted as an error.
    /// </summary>
    public async Task<(IBrowserContext Context, IPage Page, List<string> Errors)> OpenAsync()
    {
        var browser = _browser ?? throw new InvalidOperationException(
            $"The browser fixture did not start: {OidcBrowserRequirements.Missing() ?? "see the fixture's error"}.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = BrowserDashboard.Desktop,
            Locale = "en-GB",
            ReducedMotion = ReducedMotion.Reduce,
        });
        var errors = new List<string>();
        var allowed = new[] { App.BaseAddress.GetLeftPart(UriPartial.Authority), Provider.Issuer.GetLeftPart(UriPartial.Authority) };
        await context.RouteAsync(url => !allowed.Any(origin => url.StartsWith(origin, StringComparison.Ordinal)), async route =>
        {
            var url = route.Request.Url;
            // The NHS font, and the webfont the provider's own development login page asks for.
            if (url.StartsWith("https://assets.nhs.uk/fonts/", StringComparison.Ordinal)
                || url.StartsWith("https://fonts.googleapis.com/", StringComparison.Ordinal))
            {
                await route.FulfillAsync(new RouteFulfillOptions { Status = 204 });
                return;
            }

            errors.Add($"request outside the app and the provider: {url}");
            await route.AbortAsync();
        });
        var page = await context.NewPageAsync();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Location.StartsWith(allowed[0], StringComparison.Ordinal))
            {
                errors.Add($"console: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => errors.Add($"uncaught: {error}");
        return (context, page, errors);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        await _oidc.DisposeAsync();
    }
}

/// <summary>What the browser sign-in tests need: Chromium and Node.js (the real data is not needed here).</summary>
public static class OidcBrowserRequirements
{
    public static string? Missing()
    {
        var missing = new List<string>();
        if (!File.Exists(BrowserRequirements.ChromiumPath))
        {
            missing.Add($"Chromium is not installed at {BrowserRequirements.ChromiumPath} (install it with `{BrowserRequirements.InstallCommand}`)");
        }

        if (OidcRequirements.Missing() is { } noProvider)
        {
            missing.Add(noProvider);
        }

        return missing.Count == 0 ? null : string.Join("; ", missing);
    }

    public static string? SkipReason =>
        BrowserRequirements.InCi ? null : Missing() is { } why ? $"OpenID Connect browser tests skipped: {why}" : null;
}

/// <summary>A browser test through the real provider, skipped with the reason when Chromium or Node.js is missing, except in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OidcChromiumFactAttribute : FactAttribute
{
    public OidcChromiumFactAttribute() => Skip = OidcBrowserRequirements.SkipReason;
}

[CollectionDefinition(Name)]
public sealed class OidcBrowserGroup : ICollectionFixture<OidcBrowser>
{
    public const string Name = "Signing in through a real OpenID Connect provider in Chromium";
}
