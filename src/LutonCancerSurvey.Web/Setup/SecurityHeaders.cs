namespace LutonCancerSurvey.Web.Setup;

/// <summary>
/// Headers on every response. Scripts and styles come only from this site's own files, so the policy needs no
/// 'unsafe-inline'. The one inline script is the NHS.UK template's first line of the body (<see cref="JsEnabledScript"/>),
/// allowed by the hash of its exact text. Fonts may also come from assets.nhs.uk: the NHS.UK design system's Frutiger
/// webfont is served only from there (it cannot be redistributed).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Marks the body before anything is drawn, so the header, and the space kept for charts, are laid out for
    /// JavaScript from the first paint. Set by a module script instead, they arrive after the first paint and the page
    /// jumps (layout shift). The text is the NHS.UK template's, character for character: its hash is in the policy.
    /// </summary>
    public const string JsEnabledScript =
        "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' nhsuk-frontend-supported' : '');";

    /// <summary>The CSP source that allows <see cref="JsEnabledScript"/> and no other inline script.</summary>
    public static readonly string JsEnabledScriptHash =
        $"'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(JsEnabledScript)))}'";

    public static readonly string ContentSecurityPolicy =
        $"default-src 'self'; script-src 'self' {JsEnabledScriptHash}; style-src 'self'; img-src 'self' data:; font-src 'self' https://assets.nhs.uk; "
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
