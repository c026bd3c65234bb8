using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace LutonCancerSurvey.Web.Access;

public static class OrganisationSignInSetup
{
    /// <summary>Where the provider's answer is completed (the sign-in page's external callback handler).</summary>
    public const string CallbackPage = "/account/sign-in?handler=ExternalCallback";

    /// <summary>
    /// Sign-in through an organisation's OpenID Connect provider, offered only when
    /// Authentication:OpenIdConnect:Authority is set. The provider's answer goes to Identity's external cookie, never
    /// to the application cookie: <see cref="OrganisationSignIn"/> turns it into a local account's sign-in or refuses.
    /// </summary>
    public static void AddOrganisationSignIn(this WebApplicationBuilder builder, CookieSecurePolicy cookieSecurity)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var settings = OrganisationSignInOptions.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddScoped<OrganisationSignIn>();
        var section = builder.Configuration.GetSection(OrganisationSignInOptions.Section);
        if (string.IsNullOrWhiteSpace(section["Authority"]))
        {
            return;
        }

        builder.Services.AddAuthentication().AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, "your organisation", options =>
        {
            options.Authority = section["Authority"];
            options.ClientId = section["ClientId"];
            options.ClientSecret = section["ClientSecret"];
            // Only a test or development provider on a loopback address is reached over plain http, and only when
            // this is set to false on purpose.
            options.RequireHttpsMetadata = section.GetValue("RequireHttpsMetadata", true);
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            // The code comes back in the query of a top-level redirect, so the correlation and nonce cookies can be
            // SameSite=Lax (a cross-site form post would need SameSite=None).
            options.ResponseMode = OpenIdConnectResponseMode.Query;
            options.CorrelationCookie.SameSite = SameSiteMode.Lax;
            options.CorrelationCookie.SecurePolicy = cookieSecurity;
            options.NonceCookie.SameSite = SameSiteMode.Lax;
            options.NonceCookie.SecurePolicy = cookieSecurity;
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.Scope.Clear();
            options.Scope.Add(OpenIdConnectScope.OpenId);
            options.Scope.Add(OpenIdConnectScope.Email);

            // Claims keep the provider's names (email, email_verified, the role claim), whichever token carries them.
            options.MapInboundClaims = false;
            options.GetClaimsFromUserInfoEndpoint = true;
            options.ClaimActions.MapUniqueJsonKey("email_verified", "email_verified");
            options.ClaimActions.MapJsonKey(settings.RoleClaim, settings.RoleClaim);
            options.TokenValidationParameters.NameClaimType = "email";
            options.TokenValidationParameters.RoleClaimType = settings.RoleClaim;

            options.Events.OnTokenValidated = context =>
            {
                // Identity keys an external login by the name identifier: the provider's stable subject.
                if (context.Principal?.Identity is ClaimsIdentity identity
                    && identity.FindFirst(ClaimTypes.NameIdentifier) is null
                    && identity.FindFirst("sub") is { } subject)
                {
                    identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, subject.Value, subject.ValueType, subject.Issuer));
                }

                return Task.CompletedTask;
            };

            // A cancelled consent, an expired correlation or an error from the provider ends on the sign-in page with
            // a message, not an error page.
            options.Events.OnRemoteFailure = context =>
            {
                context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>()
                    .CreateLogger<OrganisationSignIn>()
                    .LogWarning("Organisation sign-in did not complete: {Reason}", context.Failure?.Message);
                context.Response.Redirect(CallbackPage);
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }
}
