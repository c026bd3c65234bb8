using LutonCancerSurvey.Core.Queries;

namespace LutonCancerSurvey.Web.Caching;

/// <summary>The data stamp as the version that estimates over a whole edition (funnel baselines) are held for.</summary>
public sealed class DataStampVersion(DataStamp stamp) : IDataVersionSource
{
    public ValueTask<string> CurrentAsync(CancellationToken cancellationToken) => stamp.CurrentAsync(cancellationToken);
}
