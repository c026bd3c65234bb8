using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;
using Microsoft.AspNetCore.Mvc.TagHelpers;

namespace LutonCancerSurvey.Web.Caching;

/// <summary>
/// What a page's body is held under by the <c>&lt;cache&gt;</c> tag helper, for the signed-in commissioners and
/// administrators the output cache never serves: the data version, the kind of viewer (published results only, or
/// drafts too), the path and the query values the page reads (<see cref="PublicPageCache.QueryKeysFor"/>, as the output
/// cache keys them). A body depends on nothing else: whatever is about the signed-in person (their name, role and the
/// sign-out form with its antiforgery token) is in the layout, which is rendered for every request. The version is the
/// one the request read its data under (<see cref="DataStampVersion"/>), so a body is never stored under a newer one.
/// </summary>
public sealed class PageBodyKey(IDataVersionSource version, IViewer viewer)
{
    /// <summary>
    /// The most the held bodies take, in bytes as the tag helper counts them (two a character): a results page's body
    /// is about 400 KB, so about 80 pages, which keeps the app inside its 300 MB under load whatever a crawler asks.
    /// </summary>
    public const long SizeLimit = 32 * 1024 * 1024;

    /// <summary>How long a body nobody asks for is kept; a new data version makes it unreachable at once.</summary>
    public static readonly TimeSpan Unused = TimeSpan.FromMinutes(10);

    public async Task<string> ForAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = await version.CurrentAsync(cancellationToken);
        // The first value only, as model binding reads it, and escaped, so that no value can spell another's key.
        var query = PublicPageCache.QueryKeysFor(request.Path)
            .Select(name => request.Query.TryGetValue(name!, out var values) && values.Count > 0
                ? $"{name}={Uri.EscapeDataString(values[0] ?? string.Empty)}"
                : $"{name}!");
        return string.Join('|', [current, viewer.SeesDrafts ? "drafts" : "published", request.Path.Value ?? string.Empty, .. query]);
    }

    /// <summary>Bounds the tag helper's memory (<see cref="SizeLimit"/>).</summary>
    public static void Configure(CacheTagHelperOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.SizeLimit = SizeLimit;
    }
}
