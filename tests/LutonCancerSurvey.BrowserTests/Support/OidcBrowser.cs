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
    private const Needs Required = Needs.Chromium | Needs.OidcProvider;

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
        if (Requirements.Missing(Required) is { } why)
        {
            if (Requirements.InCi)
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
            ExecutablePath = Requirements.ChromiumPath,
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
            $"The browser fixture did not start: {Requirements.Missing(Required) ?? "see the fixture's error"}.");
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

[CollectionDefinition(Name)]
public sealed class OidcBrowserGroup : ICollectionFixture<OidcBrowser>
{
    public const string Name = "Signing in through a real OpenID Connect provider in Chromium";
}
