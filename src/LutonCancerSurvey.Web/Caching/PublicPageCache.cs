using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Net.Http.Headers;

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
    public const string PolicyName = "public-pages";
    private static readonly string[] NeverCached = ["/admin", "/account", "/health", "/openapi"];
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
        context.CacheVaryByRules.HeaderNames = HeaderNames.AcceptEncoding;
        context.CacheVaryByRules.VaryByValues["data"] = await context.HttpContext.RequestServices
            .GetRequiredService<DataStamp>().CurrentAsync(cancellation);
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
            ["api", "v1", "organisations"] => new[] { "q" },
            ["api", "v1", "organisations", _, "results"] => new[] { "year", "tumourGroup", "basis", "breakdown" },
            ["organisations"] => new[] { "q", "level" },
            ["organisations", ..] => new[] { "year", "tumour", "basis", "handler" },
            ["compare"] => new[] { "codes", "year", "handler" },
            _ => Microsoft.Extensions.Primitives.StringValues.Empty,
        };
    }

    ValueTask IOutputCachePolicy.ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) =>
        ValueTask.CompletedTask;

    ValueTask IOutputCachePolicy.ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var response = context.HttpContext.Response;

        // Only complete, successful, cookie-free responses are shared between visitors.
        if (response.StatusCode != StatusCodes.Status200OK || response.Headers.SetCookie.Count > 0)
        {
            context.AllowCacheStorage = false;
        }

        return ValueTask.CompletedTask;
    }

}
