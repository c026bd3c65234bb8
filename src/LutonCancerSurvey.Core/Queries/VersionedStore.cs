using System.Collections.Concurrent;

namespace LutonCancerSurvey.Core.Queries;

/// <summary>
/// Values that stay true for one version of the data, all dropped when the version changes: the version is the data
/// stamp, which changes with every import, publication change and embargo that lifts, so nothing held outlives what
/// it was read from. At most <c>capacity</c> units are held (a value weighs one unit unless the caller weighs it,
/// e.g. by its rows); beyond that each is computed and not kept.
/// </summary>
internal sealed class VersionedStore<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private Generation _current = new(null);

    /// <summary>
    /// The value held for <paramref name="key"/> at <paramref name="version"/>, computed and kept when there is none
    /// (and <paramref name="keep"/>, when given, allows it, and it fits what is left of the capacity at its
    /// <paramref name="weight"/>). Two requests that miss together both compute it; the value is the same, so either
    /// may be kept.
    /// </summary>
    public async ValueTask<TValue> GetOrAddAsync(
        string version, TKey key, Func<TKey, Task<TValue>> compute, Func<TValue, bool>? keep = null, Func<TValue, int>? weight = null)
    {
        ArgumentNullException.ThrowIfNull(compute);
        var generation = For(version);
        if (generation.Held.TryGetValue(key, out var found))
        {
            return found;
        }

        var value = await compute(key).ConfigureAwait(false);
        if (keep is null || keep(value))
        {
            generation.TryHold(key, value, Math.Max(1, weight?.Invoke(value) ?? 1), capacity);
        }

        return value;
    }

    private Generation For(string version)
    {
        lock (_gate)
        {
            if (!string.Equals(_current.Version, version, StringComparison.Ordinal))
            {
                _current = new Generation(version);
            }

            return _current;
        }
    }

    private sealed class Generation(string? version)
    {
        private int _used;

        public string? Version { get; } = version;

        public ConcurrentDictionary<TKey, TValue> Held { get; } = new();

        public void TryHold(TKey key, TValue value, int weight, int capacity)
        {
            // Reserve the room first, so that requests missing together cannot overfill it between them.
            if (Interlocked.Add(ref _used, weight) > capacity || !Held.TryAdd(key, value))
            {
                Interlocked.Add(ref _used, -weight);
            }
        }
    }
}
