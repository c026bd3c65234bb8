using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Web.Routing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;

namespace LutonCancerSurvey.Web.Caching;

/// <summary>
/// Caches what anonymous visitors see (pages, downloads, API) in memory, keyed by the <see cref="DataStamp"/> of the
/// shared database, so a publication change or an embargo lifting by itself makes every cached page stale.
/// Compressed answers are stored as compressed, one entry per Accept-Encoding. Signed-in users, whose pages may hold
/// drafts, are never cached. The key holds only the query parameters the page reads (<see cref="QueryKeysFor"/>), so
/// adding an unknown one (<c>?zz=random</c>) finds the same entry instead of rendering and storing a new copy.
/// </summary>
public sealed class PublicPageCache(IConfiguration configuration) : IOutputCachePolicy
{
    // The error page answers for whichever request failed, with that request's status: one stored copy would answer
    // every later error with its own status (a 200 "Sorry, there is a problem" for a 404, a 429 or a 500).
    private static readonly string[] NeverCached = ["/admin", "/account", "/health", "/openapi", "/error"];

    /// <summary>
    /// The Razor handlers any public page has (<c>OnGetCsvAsync</c>). Razor Pages answers an unknown
    /// <c>?handler=</c> with the page itself, so any other value is keyed as no handler: random values find the
    /// page already stored instead of rendering and storing a copy each.
    /// </summary>
    public static readonly IReadOnlyList<string> KnownHandlers = [PageLinks.CsvHandler];
    private readonly bool _enabled = configuration.GetValue("Caching:Enabled", true);

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var cacheable = _enabled
            && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
            && context.HttpContext.User.Identity?.IsAuthenticated != true
            && !NeverCached.Any(p => request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase))
            && !Path.HasExtension(request.Path.Value); // static files carry their own fingerprints and cache headers
        context.EnableOutputCaching = cacheable;
        context.AllowCacheLookup = cacheable;
        context.AllowCacheStorage = cacheable;
        context.AllowLocking = true;
        if (!cacheable)
        {
            return;
        }

        context.CacheVaryByRules.QueryKeys = QueryKeysFor(request.Path);
        context.CacheVaryByRules.VaryByValues[QueryNames.Handler] = HandlerOf(request);

        // Keyed on the encoding the compression middleware will choose, not on the header's text: every spelling of
        // Accept-Encoding ("gzip, br", "br;q=1, x-random") is one of three stored answers.
        context.CacheVaryByRules.VaryByValues["encoding"] = context.HttpContext.RequestServices
            .GetRequiredService<IResponseCompressionProvider>().GetCompressionProvider(context.HttpContext)?.EncodingName
            ?? "identity";

        // No page writes its own host into what it answers, so a random Host header must not make a new entry.
        // Hosts are limited by AllowedHosts (docs/deploying.md).
        context.CacheVaryByRules.VaryByHost = false;
        context.CacheVaryByRules.VaryByValues["data"] = await context.HttpContext.RequestServices
            .GetRequiredService<IDataVersionSource>().CurrentAsync(cancellation);
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
    }

    /// <summary>
    /// The query parameters that change what a path answers: those its page or endpoint binds, and the Razor handler
    /// (<c>?handler=csv</c> selects a download). Names match whatever their case, as model binding matches them.
    /// </summary>
    public static Microsoft.Extensions.Primitives.StringValues QueryKeysFor(PathString path)
    {
        var segments = (path.Value ?? string.Empty).Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["api", "v1", "organisations"] => Keys(QueryNames.ApiOrganisations),
            ["api", "v1", "organisations", _, "results"] => Keys(QueryNames.ApiResults),
            ["organisations"] => Keys(QueryNames.FindOrganisation),
            ["organisations", ..] => Keys(QueryNames.OrganisationPage),
            ["compare"] => Keys(QueryNames.ComparePage),
            _ => Microsoft.Extensions.Primitives.StringValues.Empty,
        };
    }

    private static Microsoft.Extensions.Primitives.StringValues Keys(IReadOnlyList<string> names) => names.ToArray();

    /// <summary>The handler a request selects, as one of <see cref="KnownHandlers"/>, or empty for the page itself.</summary>
    public static string HandlerOf(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asked = request.Query[QueryNames.Handler].FirstOrDefault();
        return KnownHandlers.FirstOrDefault(h => string.Equals(h, asked, StringComparison.OrdinalIgnoreCase)) ?? string.Empty;
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;

        // Only complete, successful, cookie-free responses are shared between visitors; never an error page executed
        // again for a failed request, whatever status it set.
        if (response.StatusCode != StatusCodes.Status200OK
            || response.Headers.SetCookie.Count > 0
            || context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

}
