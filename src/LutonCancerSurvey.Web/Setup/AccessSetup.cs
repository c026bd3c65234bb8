using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Threading.RateLimiting;
using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Web.Access;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LutonCancerSurvey.Web.Setup;

public static class AccessSetup
{
    public const string SignInPath = "/account/sign-in";

    public static WebApplicationBuilder AddSurveyAccess(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddScoped<IViewer, HttpViewer>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<PasswordSignIn>();

        services.AddIdentity<IdentityUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<SurveyDbContext>()
            .AddDefaultTokenProviders();

        // The security stamp is checked against the database on every request of a signed-in user (one small read),
        // so disabling, demoting or signing out ends every existing session at once, not at the next 30-minute check.
        services.Replace(ServiceDescriptor.Scoped<ISecurityStampValidator, SessionStampValidator>());

        // Over plain HTTP (a developer's machine, the test servers, or an operator who chose Security:RequireHttps=false)
        // a Secure cookie cannot be set; everywhere else cookies are Secure and carry the __Host- prefix, which tells
        // the browser to refuse one set without Secure, for another path, or for a parent domain.
        var https = RequiresHttps(builder.Configuration, builder.Environment);
        var cookieSecurity = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        var cookiePrefix = https ? "__Host-" : string.Empty;
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = cookiePrefix + "lcs.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = cookieSecurity;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.Path = "/";
            options.LoginPath = SignInPath;
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = cookiePrefix + "lcs.antiforgery";
            options.Cookie.SecurePolicy = cookieSecurity;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.Path = "/";
        });

        // Keys in the shared database: a cookie issued by one instance is read by every other.
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("LutonCancerSurvey")
            .PersistKeysToDbContext<SurveyDbContext>();
        if (DataProtectionCertificate(builder.Configuration) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Administrator, policy => policy.RequireRole(Roles.Administrator));

        var signInsPerMinute = builder.Configuration.GetValue("Security:SignInAttemptsPerMinute", 10);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only a POST is an attempt (a password, or a start of sign-in through the provider). Reading the page, and
            // the provider's answer coming back to it, must not use up the attempts of someone about to sign in.
            options.AddPolicy(Policies.SignInRateLimit, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = signInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("reading"));
            // The status code page (Pages/Error) explains the refusal and reads this header to say how long to wait.
            options.OnRejected = (context, _) =>
            {
                var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
                context.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });

        builder.AddSurveyTransportSecurity();
        builder.AddOrganisationSignIn(cookieSecurity);
        return builder;
    }

    /// <summary>
    /// Whether sign-in, cookies and admin pages need HTTPS: yes except in Development and Testing, unless
    /// Security:RequireHttps says otherwise (false only to try the app on one's own computer over plain HTTP).
    /// </summary>
    public static bool RequiresHttps(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        return configuration.GetValue<bool?>("Security:RequireHttps")
            ?? !(environment.IsDevelopment() || environment.IsEnvironment("Testing"));
    }

    /// <summary>
    /// The certificate that encrypts the data-protection keys at rest (DataProtection:Certificate:Path, a PKCS#12 file,
    /// and DataProtection:Certificate:Password from the environment or a secret store); null when none is configured.
    /// </summary>
    public static X509Certificate2? DataProtectionCertificate(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration["DataProtection:Certificate:Path"];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"DataProtection:Certificate:Path names {path}, which does not exist.");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration["DataProtection:Certificate:Password"]);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"The certificate in {path} has no private key, so it cannot decrypt the data-protection keys.");
        }

        return certificate;
    }
}
