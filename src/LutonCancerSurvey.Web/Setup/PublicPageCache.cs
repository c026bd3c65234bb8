using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Web.Setup;

/// <summary>
/// Caches what anonymous visitors see (pages, downloads, API) in memory, keyed by a stamp read from the shared
/// database on every request: the data version (bumped by every import and publication change) and how many
/// scheduled publications have come due. So an instance never serves figures another instance has unpublished, and
/// an embargo that lifts by itself shows at once. Signed-in users, whose pages may hold drafts, are never cached.
/// </summary>
public sealed class PublicPageCache : IOutputCachePolicy
{
    public const string PolicyName = "public-pages";
    private static readonly string[] NeverCached = ["/admin", "/account", "/health", "/openapi"];

    async ValueTask IOutputCachePolicy.CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
    {
        var request = context.HttpContext.Request;
        var enabled = context.HttpContext.RequestServices.GetRequiredService<IConfiguration>().GetValue("Caching:Enabled", true);
        var cacheable = enabled
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

        context.CacheVaryByRules.QueryKeys = "*";
        context.CacheVaryByRules.VaryByValues["data"] = await StampAsync(context.HttpContext, cancellation);
        context.ResponseExpirationTimeSpan = TimeSpan.FromMinutes(10);
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

    // Compiled once: the stamp is read on every anonymous request, cache hit or not, so EF's per-call query
    // translation and cache lookup would be a large share of a cached response.
    private static readonly Func<SurveyDbContext, DateTimeOffset, CancellationToken, Task<Stamp?>> ReadStamp =
        EF.CompileAsyncQuery((SurveyDbContext db, DateTimeOffset now, CancellationToken _) =>
            db.DataVersions.AsNoTracking()
                .Where(v => v.Id == DataVersion.SingletonId)
                .Select(v => new Stamp(v.Version, db.Editions.Count(e => e.Status == EditionStatus.Draft && e.PublishAt <= now)))
                .FirstOrDefault());

    private static async Task<string> StampAsync(HttpContext http, CancellationToken cancellation)
    {
        var db = http.RequestServices.GetRequiredService<SurveyDbContext>();
        var now = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var stamp = await ReadStamp(db, now, cancellation);
        return stamp is null ? "none" : $"{stamp.Version}-{stamp.Due}";
    }

    private sealed record Stamp(long Version, int Due);
}
