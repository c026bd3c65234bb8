namespace LutonCancerSurvey.Web.Setup;

/// <summary>
/// Headers on every response. Scripts and styles come only from this site's own files (no inline script or style
/// anywhere), so the policy needs no 'unsafe-inline'. Fonts may also come from assets.nhs.uk: the NHS.UK design
/// system's Frutiger webfont is served only from there (it cannot be redistributed).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' https://assets.nhs.uk; "
        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// The policy, letting the sign-in form's redirect reach the organisation's identity provider when one is set:
    /// browsers apply form-action to the redirects that follow a form post too.
    /// </summary>
    public static string ContentSecurityPolicyFor(string? identityProvider) =>
        Uri.TryCreate(identityProvider, UriKind.Absolute, out var provider)
            ? ContentSecurityPolicy.Replace("form-action 'self'", $"form-action 'self' {provider.GetLeftPart(UriPartial.Authority)}", StringComparison.Ordinal)
            : ContentSecurityPolicy;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var policy = ContentSecurityPolicyFor(app.ApplicationServices.GetRequiredService<IConfiguration>()["Authentication:OpenIdConnect:Authority"]);
        return app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = policy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            await next(context);
        });
    }
}
