using LutonCancerSurvey.Core.Queries;

namespace LutonCancerSurvey.Web.Caching;

/// <summary>
/// The data stamp as one request sees it: read at the request's first ask and the same for the rest of it, so that
/// everything the request keys by it (its output-cache entry, its held reads, its held page body) is keyed by the
/// version its data was read under. Read afresh at each ask, a body rendered from data read before an unpublish could
/// be stored under the version after it, and be served to the public from then on.
/// </summary>
public sealed class DataStampVersion(DataStamp stamp) : IDataVersionSource
{
    private string? _seen;

    public async ValueTask<string> CurrentAsync(CancellationToken cancellationToken) =>
        _seen ??= await stamp.CurrentAsync(cancellationToken);
}
