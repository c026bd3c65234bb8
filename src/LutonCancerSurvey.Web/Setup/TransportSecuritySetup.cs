using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LutonCancerSurvey.Web.Setup;

/// <summary>HTTPS for sign-in, HSTS, and which proxies may tell the app the client's address and scheme.</summary>
public static class TransportSecuritySetup
{
    public const string HttpsRequiredPath = "/account/https-required";

    /// <summary>Marks a plain-HTTP request that could not be redirected because the HTTPS port is not known.</summary>
    public const string NoHttpsPortItem = "lcs.no-https-port";

    /// <summary>The port plain-HTTP requests are redirected to, when the app must be told rather than work it out.</summary>
    public const string HttpsPortSetting = "HttpsRedirection:HttpsPort";

    public static WebApplicationBuilder AddSurveyTransportSecurity(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        if (configuration.GetValue<int?>(HttpsPortSetting) is { } httpsPort)
        {
            builder.Services.AddHttpsRedirection(options => options.HttpsPort = httpsPort);
        }

        builder.Services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = true;
        });

        // ASPNETCORE_FORWARDEDHEADERS_ENABLED=true on its own trusts X-Forwarded-For from anyone, so a client could
        // name a new address on every request and never meet the sign-in rate limit. Trust only the proxies named in
        // Security:KnownProxies and Security:KnownNetworks, or loopback when none are named.
        builder.Services.PostConfigure<ForwardedHeadersOptions>(options =>
        {
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            var proxies = Values(configuration, "Security:KnownProxies");
            var networks = Values(configuration, "Security:KnownNetworks");
            if (proxies.Count == 0 && networks.Count == 0)
            {
                options.KnownProxies.Add(IPAddress.IPv6Loopback);
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse("127.0.0.0/8"));
                return;
            }

            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in networks)
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    /// <summary>
    /// Redirects plain HTTP to HTTPS. ASP.NET Core's redirection fails every such request (a 500) when the app listens
    /// for HTTPS on more than one port and nothing says which one browsers should use; here they get the page that
    /// says to use HTTPS, and the start-up log names the setting.
    /// </summary>
    public static WebApplication UseHttpsRedirectionWherePossible(this WebApplication app)
    {
        // Server addresses are known only once the server listens, so decide on the first request.
        var port = new Lazy<HttpsRedirectPort>(() => DecideHttpsRedirectPort(app.Configuration, ServerAddresses(app)));
        app.Use((context, next) =>
        {
            if (!context.Request.IsHttps && port.Value.Undetermined)
            {
                context.Items[NoHttpsPortItem] = true;
                context.Request.Path = HttpsRequiredPath;
                context.Request.QueryString = QueryString.Empty;
            }

            return next(context);
        });
        app.UseWhen(context => !context.Items.ContainsKey(NoHttpsPortItem), redirected => redirected.UseHttpsRedirection());
        return app;
    }

    /// <summary>
    /// Where ASP.NET Core's HTTPS redirection sends plain HTTP, by its own rules: the configured port
    /// (HttpsRedirection:HttpsPort, then HTTPS_PORT, which ASPNETCORE_HTTPS_PORT sets, then ANCM_HTTPS_PORT), else the
    /// one port the server listens on for HTTPS; no port when it serves no HTTPS (requests go on as they came), and
    /// undetermined when it listens for HTTPS on several ports.
    /// </summary>
    public static HttpsRedirectPort DecideHttpsRedirectPort(IConfiguration configuration, IEnumerable<string> serverAddresses)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(serverAddresses);
        if ((configuration.GetValue<int?>(HttpsPortSetting) ?? configuration.GetValue<int?>("HTTPS_PORT")
                ?? configuration.GetValue<int?>("ANCM_HTTPS_PORT")) is { } configured)
        {
            return new HttpsRedirectPort(configured, Undetermined: false);
        }

        var ports = serverAddresses.Select(BindingAddress.Parse)
            .Where(a => string.Equals(a.Scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Port)
            .Distinct()
            .ToList();
        return ports.Count switch
        {
            0 => new HttpsRedirectPort(null, Undetermined: false),
            1 => new HttpsRedirectPort(ports[0], Undetermined: false),
            _ => new HttpsRedirectPort(null, Undetermined: true),
        };
    }

    private static ICollection<string> ServerAddresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];

    /// <summary>
    /// Over plain HTTP, where HTTPS is required, sign-in and admin pages answer a page that says why and what to set,
    /// instead of failing on the Secure antiforgery cookie. Public pages stay open over HTTP.
    /// </summary>
    public static WebApplication UseHttpsForSignIn(this WebApplication app)
    {
        if (!AccessSetup.RequiresHttps(app.Configuration, app.Environment))
        {
            return app;
        }

        app.Use((context, next) =>
        {
            if (!context.Request.IsHttps
                && (context.Request.Path.StartsWithSegments("/account") || context.Request.Path.StartsWithSegments("/admin")))
            {
                context.Request.Path = HttpsRequiredPath;
                context.Request.QueryString = QueryString.Empty;
            }

            return next(context);
        });
        return app;
    }

    /// <summary>Says at start-up, in the log, what would leave sign-in broken or weaker than it should be.</summary>
    public static WebApplication WarnAboutTransportSecurity(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("LutonCancerSurvey.Web.Security");
        var configuration = app.Configuration;
        var forwarded = configuration.GetValue<bool>("ForwardedHeaders_Enabled");
        var requiresHttps = AccessSetup.RequiresHttps(configuration, app.Environment);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = ServerAddresses(app);
            if (!app.Environment.IsDevelopment() && DecideHttpsRedirectPort(configuration, addresses).Undetermined)
            {
                logger.LogWarning(
                    "The app listens for HTTPS on more than one port ({Addresses}) and cannot tell which one to send "
                    + "plain-HTTP requests to, so they are answered 403 with a page that says to use HTTPS. Set "
                    + "HttpsRedirection__HttpsPort (or ASPNETCORE_HTTPS_PORT) to the port browsers should use",
                    string.Join(", ", addresses));
            }

            if (requiresHttps && !forwarded && !addresses.Any(a => a.StartsWith("https:", StringComparison.OrdinalIgnoreCase)))
            {
                logger.LogWarning(
                    "Sign-in needs HTTPS, but the app listens on {Addresses} over plain HTTP and trusts no proxy to say the "
                    + "client used HTTPS: sign-in and admin pages will answer that HTTPS is required. Behind a proxy that "
                    + "terminates HTTPS set ASPNETCORE_FORWARDEDHEADERS_ENABLED=true and Security__KnownProxies to its "
                    + "address; or serve HTTPS here (ASPNETCORE_URLS=https://...); or, only to try the app on this computer, "
                    + "set Security__RequireHttps=false",
                    string.Join(", ", addresses));
            }

            if (forwarded && Values(configuration, "Security:KnownProxies").Count == 0 && Values(configuration, "Security:KnownNetworks").Count == 0)
            {
                logger.LogWarning(
                    "Forwarded headers are enabled but Security:KnownProxies and Security:KnownNetworks are empty: only a "
                    + "proxy on this machine (loopback) is trusted to give the client's address and scheme");
            }
        });

        if (!requiresHttps && !(app.Environment.IsDevelopment() || app.Environment.IsEnvironment("Testing")))
        {
            logger.LogWarning(
                "Security:RequireHttps is false: passwords and sign-in cookies may cross the network unencrypted. Use this "
                + "only to try the app on your own computer");
        }

        return app;
    }

    private static List<string> Values(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        return (section.Value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Concat(section.GetChildren().Select(c => c.Value?.Trim()).OfType<string>().Where(v => v.Length > 0))
            .ToList();
    }
}

/// <summary>
/// Where plain-HTTP requests are redirected: <see cref="Port"/>, or nowhere (null) when the app serves no HTTPS itself;
/// <see cref="Undetermined"/> when it serves HTTPS on several ports and has not been told which one browsers should use.
/// </summary>
public readonly record struct HttpsRedirectPort(int? Port, bool Undetermined);
