using System.Collections.Concurrent;

namespace LutonCancerSurvey.Core.Queries;

/// <summary>
/// Values that stay true for one version of the data, all dropped when the version changes: the version is the data
/// stamp, which changes with every import, publication change and embargo that lifts, so nothing held outlives what
/// it was read from. At most <c>capacity</c> values are held; beyond that each is computed and not kept.
/// </summary>
internal sealed class VersionedStore<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private string? _version;
    private ConcurrentDictionary<TKey, TValue> _held = new();

    /// <summary>
    /// The value held for <paramref name="key"/> at <paramref name="version"/>, computed and kept when there is none
    /// (and <paramref name="keep"/>, when given, allows it). Two requests that miss together both compute it; the value
    /// is the same, so either may be kept.
    /// </summary>
    public async ValueTask<TValue> GetOrAddAsync(string version, TKey key, Func<TKey, Task<TValue>> compute, Func<TValue, bool>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var held = For(version);
        if (held.TryGetValue(key, out var found))
        {
            return found;
        }

        var value = await compute(key).ConfigureAwait(false);
        if (held.Count < capacity && (keep is null || keep(value)))
        {
            held[key] = value;
        }

        return value;
    }

    private ConcurrentDictionary<TKey, TValue> For(string version)
    {
        lock (_gate)
        {
            if (!string.Equals(_version, version, StringComparison.Ordinal))
            {
                _version = version;
                _held = new ConcurrentDictionary<TKey, TValue>();
            }

            return _held;
        }
    }
}
