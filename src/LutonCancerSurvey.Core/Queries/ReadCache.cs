using LutonCancerSurvey.Core.Domain;

namespace LutonCancerSurvey.Core.Queries;

/// <summary>
/// What the pages read (results, key findings' input, a question's detail …), held for one data version, apart for
/// those who may see embargoed results and those who may not. Signed-in commissioners are never served from the
/// output cache, so without this every one of their pages was computed afresh; what a page reads changes only when
/// the data version does (an import, a publication change, an embargo lifting), and the version is part of the key.
/// </summary>
public sealed class ReadCache
{
    /// <summary>
    /// How many rows (a question's result, a peer, a point of a trend) are held at most: at roughly 0.5 KB a row with
    /// its wording and source, about 25 MB, which keeps the app inside its 300 MB under load whatever a crawler asks.
    /// </summary>
    public const int RowBudget = 50_000;

    private readonly VersionedStore<(object Key, bool SeesDrafts), object?> _store = new(RowBudget);

    internal async Task<T> GetOrReadAsync<T>(
        string version, bool seesDrafts, object key, Func<Task<T>> read, Func<T, int> rows)
    {
        return (T)(await _store.GetOrAddAsync(
                version, (key, seesDrafts), async _ => (object?)await read().ConfigureAwait(false), weight: v => rows((T)v!))
            .ConfigureAwait(false))!;
    }
}

/// <summary>
/// The <see cref="ReadCache"/> as one request sees it: its viewer's kind and the current data version. Each query
/// that reads through it names what it read by a key of its own type, so two queries never share an entry.
/// </summary>
public sealed class HeldReads(ReadCache cache, IViewer viewer, IDataVersionSource version)
{
    /// <summary>
    /// What <paramref name="read"/> gives for <paramref name="key"/>, read once per data version and kind of viewer;
    /// <paramref name="rows"/> weighs it against the cache's budget.
    /// </summary>
    public async Task<T> GetOrReadAsync<TKey, T>(TKey key, Func<Task<T>> read, Func<T, int> rows, CancellationToken cancellationToken)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(rows);
        var current = await version.CurrentAsync(cancellationToken).ConfigureAwait(false);
        return await cache.GetOrReadAsync(current, viewer.SeesDrafts, key, read, rows).ConfigureAwait(false);
    }
}
