using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace LutonCancerSurvey.Web.Caching;

/// <summary>
/// Compresses pages, downloads and API answers for anonymous visitors only. Compressing a response over HTTPS that
/// holds a secret (an antiforgery token, a signed-in user's data) beside text an attacker can choose lets the
/// attacker guess the secret from the compressed sizes (BREACH), so sign-in, account and admin pages and every
/// signed-in response go uncompressed. Anonymous pages hold no secret and are what the output cache serves.
/// </summary>
public sealed class PublicResponseCompression(IServiceProvider services, IOptions<ResponseCompressionOptions> options)
    : ResponseCompressionProvider(services, options)
{
    private static readonly string[] HoldSecrets = ["/account", "/admin"];

    public static void Configure(ResponseCompressionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.EnableForHttps = true;
        options.Providers.Add<BrotliCompressionProvider>();
        options.Providers.Add<GzipCompressionProvider>();
        options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["text/csv", "application/problem+json"]);
    }

    public override bool ShouldCompressResponse(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.User.Identity?.IsAuthenticated != true
            && !HoldSecrets.Any(path => context.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase))
            && base.ShouldCompressResponse(context);
    }
}
