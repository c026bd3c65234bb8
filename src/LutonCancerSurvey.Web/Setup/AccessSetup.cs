using System.Threading.RateLimiting;
using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Web.Access;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace LutonCancerSurvey.Web.Setup;

public static class AccessSetup
{
    public const string SignInPath = "/account/sign-in";

    public static WebApplicationBuilder AddSurveyAccess(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddScoped<IViewer, HttpViewer>();

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

        // Over plain HTTP (a developer's machine, the test servers) a Secure cookie cannot be set; anywhere else the
        // app sits behind HTTPS and cookies are sent over HTTPS only.
        var cookieSecurity = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing")
            ? CookieSecurePolicy.SameAsRequest
            : CookieSecurePolicy.Always;
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "lcs.auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = cookieSecurity;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = SignInPath;
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/access-denied";
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "lcs.antiforgery";
            options.Cookie.SecurePolicy = cookieSecurity;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });

        // Keys in the shared database: a cookie issued by one instance is read by every other.
        services.AddDataProtection()
            .SetApplicationName("LutonCancerSurvey")
            .PersistKeysToDbContext<SurveyDbContext>();

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Administrator, policy => policy.RequireRole(Roles.Administrator));

        var signInsPerMinute = builder.Configuration.GetValue("Security:SignInAttemptsPerMinute", 10);
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policies.SignInRateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = signInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        builder.AddOrganisationSignIn(cookieSecurity);
        return builder;
    }
}
