using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LutonCancerSurvey.BrowserTests.Support;

/// <summary>
/// The dashboard on a real loopback Kestrel server over a temporary database holding the seed and the real 2018
/// file (imported once, about 15 s), and one headless Chromium, shared by every browser test.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit disposes a fixture through IAsyncLifetime.DisposeAsync")]
public class BrowserDashboard : IAsyncLifetime
{
    private const Needs Required = Needs.Chromium | Needs.RealData;

    public static readonly ViewportSize Desktop = new() { Width = 1280, Height = 900 };
    public static readonly ViewportSize Phone = new() { Width = 375, Height = 812 };

    // The flags Debian's Chromium needs in a container, and nothing that reaches out to the network on its own.
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private KestrelDashboard? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Screenshots go beside the test assembly, under TestResults/screenshots.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (Requirements.Missing(Required) is { } why)
        {
            if (Requirements.InCi)
            {
                throw new InvalidOperationException($"The browser tests cannot run in CI: {why}.");
            }

            return; // every test skips with the reason
        }

        _app = new KestrelDashboard();
        _app.StartServer(); // the app creates and seeds its database on start
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal));
        await LoadDataAsync(_app);

        // Belt and braces: the driver must never fetch a browser; it drives Debian's Chromium below.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Requirements.ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>What the app holds besides the seed: the real 2018 file, published, unless a fixture says otherwise.</summary>
    protected virtual async Task LoadDataAsync(DashboardFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var outcome = await app.ImportAsync(RealDataFiles.CombinedFile!, publish: true);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException(
                $"The real data file did not import: {string.Join("; ", outcome.Errors.Take(5))}");
        }
    }

    /// <summary>Opens a page in a fresh browser context and fails the test unless the server answers 200.</summary>
    public async Task<Visit> OpenAsync(string path, ViewportSize? viewport = null, bool javaScript = true, float scale = 1)
    {
        var browser = _browser ?? throw new InvalidOperationException(
            $"The browser fixture did not start: {Requirements.Missing(Required) ?? "see the fixture's error"}.");
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = viewport ?? Desktop,
            JavaScriptEnabled = javaScript,
            DeviceScaleFactor = scale,
            Locale = "en-GB",
            ReducedMotion = ReducedMotion.Reduce,
        });
        var visit = new Visit(context, await context.NewPageAsync());
        await visit.StayOnAsync(BaseAddress);
        await visit.GoToAsync(new Uri(BaseAddress, path));
        return visit;
    }

    public const string AdministratorPassword = "Browser-Test-Password-1!";

    /// <summary>A new administrator, straight into the app's user store, to sign in through the real form.</summary>
    public async Task<string> CreateAdministratorAsync()
    {
        var app = _app ?? throw new InvalidOperationException("The app did not start.");
        var email = $"admin-{Guid.NewGuid():N}@example.nhs.uk";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>();
        var user = new Microsoft.AspNetCore.Identity.IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        (await users.CreateAsync(user, AdministratorPassword)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, "Administrator")).Succeeded.Should().BeTrue();
        return email;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private sealed class KestrelDashboard : DashboardFactory
    {
        public KestrelDashboard() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Outside Development the app expects published assets in wwwroot; from the build output its compressed
            // (.gz) variants live in obj/, and a browser asking for gzip would get empty scripts and styles without
            // the build's static web assets manifest.
            builder.UseStaticWebAssets();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserDashboard>
{
    public const string Name = "Dashboard in Chromium";
}
