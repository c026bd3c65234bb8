using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace LutonCancerSurvey.TestSupport;

/// <summary>One provider shared by every sign-in test class; null (and the tests skip) where it cannot run.</summary>
public sealed class OidcProviderFixture : IAsyncLifetime
{
    public OidcProvider? Provider { get; private set; }

    public OidcProvider Running => Provider ?? throw new InvalidOperationException(
        $"The OpenID Connect provider did not start: {OidcRequirements.Missing() ?? "see the fixture's error"}.");

    public async Task InitializeAsync()
    {
        if (OidcRequirements.Missing() is not null && !Requirements.InCi)
        {
            return; // every test skips with the reason
        }

        Provider = await OidcProvider.StartAsync();
    }

    private readonly Dictionary<string, OidcDashboard> _apps = [];

    /// <summary>
    /// The dashboard signing in through the provider with these extra settings, started once per distinct set for
    /// every test that shares this fixture.
    /// </summary>
    public OidcDashboard App(IReadOnlyDictionary<string, string>? settings = null)
    {
        var key = string.Join(";", (settings ?? new Dictionary<string, string>()).OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));
        lock (_apps)
        {
            if (!_apps.TryGetValue(key, out var app))
            {
                app = new OidcDashboard(Running, settings);
                _apps[key] = app;
            }

            return app;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var app in _apps.Values)
        {
            await app.DisposeAsync();
        }

        if (Provider is not null)
        {
            await Provider.DisposeAsync();
        }
    }
}

/// <summary>
/// The dashboard on a real loopback Kestrel port (the provider redirects the browser back to it), signing in through
/// the test provider, with any extra settings (e.g. role mappings).
/// </summary>
public class OidcDashboard : DashboardFactory
{
    private readonly OidcProvider _provider;
    private readonly IReadOnlyDictionary<string, string> _settings;

    public OidcDashboard(OidcProvider provider, IReadOnlyDictionary<string, string>? settings = null)
    {
        _provider = provider;
        _settings = settings ?? new Dictionary<string, string>();
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public Uri BaseAddress { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Outside Development the app expects published assets in wwwroot; a browser reaching this server needs the
        // build's static web assets manifest for the compressed scripts and styles.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in _provider.AppSettings().Concat(_settings))
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A client with its own cookies for both the app and the provider, following no redirect by itself.</summary>
    public HttpClient NewSignInClient()
    {
#pragma warning disable CA2000 // the client owns and disposes its handler
        var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
#pragma warning restore CA2000
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = BaseAddress };
    }
}
