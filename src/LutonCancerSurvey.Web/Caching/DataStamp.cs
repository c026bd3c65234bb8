using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LutonCancerSurvey.Web.Caching;

/// <summary>
/// What the public can see, as one value: the data version (bumped by every import and publication change) and how
/// many drafts the public sees because their scheduled publication has come due (by <see cref="EditionVisibility"/>). The output cache keys anonymous pages by it.
/// </summary>
/// <remarks>
/// Reading it from the database on every request cost a cache hit half its speed, so it is held for
/// <c>Caching:StampSeconds</c> (1 s by default; 0 reads it every time). A change committed by this instance
/// shows at once (<see cref="DataStampInvalidation"/>); one committed by another instance sharing the database,
/// or an embargo lifting by itself, shows within that time. See docs/adr/0005-data-stamp-held-in-memory.md.
/// </remarks>
public sealed class DataStamp
{
    // Compiled once: EF's per-call translation would otherwise cost more than the query.
    private static readonly Func<SurveyDbContext, DateTimeOffset, CancellationToken, Task<Stored?>> ReadStored =
        EF.CompileAsyncQuery(EditionVisibility.Expand<Func<SurveyDbContext, DateTimeOffset, CancellationToken, Stored?>>((db, now, _) =>
            db.DataVersions.AsNoTracking()
                .Where(v => v.Id == DataVersion.SingletonId)
                .Select(v => new Stored(v.Version, db.Editions.IgnoreQueryFilters(new[] { SurveyDbContext.VisibilityFilter }).Count(e => e.Status == EditionStatus.Draft && EditionVisibility.IsPublic(e, now))))
                .FirstOrDefault()));

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly Lock _gate = new();
    private long _generation;
    private Held? _held;
    private Task<Held>? _reading;

    public DataStamp(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _scopes = scopes;
        _time = time;
        var seconds = configuration.GetValue("Caching:StampSeconds", 1.0);
        _lifetime = TimeSpan.FromSeconds(double.IsFinite(seconds) ? Math.Clamp(seconds, 0, 3600) : 1);
    }

    public async ValueTask<string> CurrentAsync(CancellationToken cancellation)
    {
        if (_lifetime == TimeSpan.Zero)
        {
            return await ReadAsync(cancellation).ConfigureAwait(false);
        }

        // Every anonymous request passes here, so the usual case takes no lock.
        var held = Volatile.Read(ref _held);
        if (IsFresh(held))
        {
            return held!.Value;
        }

        Task<Held> reading;
        lock (_gate)
        {
            if (IsFresh(_held))
            {
                return _held!.Value;
            }

            // One read at a time, shared by every request that arrives meanwhile: they all get its value, or all
            // its failure at once, rather than queueing for a database that is not answering. Started on the thread
            // pool, so no part of the read runs inside this lock; a finished read is replaced by the next one.
            if (_reading is null || _reading.IsCompleted)
            {
                _reading = Task.Run(ReadAndHoldAsync, CancellationToken.None);
            }

            reading = _reading;
        }

        // A read that began before a commit this instance has since made is already stale: read again.
        var read = await reading.WaitAsync(cancellation).ConfigureAwait(false);
        return read.Generation == Interlocked.Read(ref _generation) ? read.Value : await CurrentAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>Makes the next request read the stamp again; called when this instance commits a write.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    private async Task<Held> ReadAndHoldAsync()
    {
        // Taken before the read, so a commit that lands during it leaves what is read stale, not fresh.
        var generation = Interlocked.Read(ref _generation);
        var readAt = _time.GetTimestamp();
        var held = new Held(await ReadAsync(CancellationToken.None).ConfigureAwait(false), readAt, generation);
        Volatile.Write(ref _held, held);
        return held;
    }

    private bool IsFresh(Held? held) =>
        held is not null
        && held.Generation == Interlocked.Read(ref _generation)
        && _time.GetElapsedTime(held.ReadAt) < _lifetime;

    private async Task<string> ReadAsync(CancellationToken cancellation)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SurveyDbContext>();
        var stored = await ReadStored(db, _time.GetUtcNow(), cancellation).ConfigureAwait(false);
        return stored is null ? "none" : $"{stored.Version}-{stored.Due}";
    }

    private sealed record Stored(long Version, int Due);

    private sealed record Held(string Value, long ReadAt, long Generation);
}

/// <summary>
/// Every import and publication change bumps the data version inside a transaction, so any commit made through this
/// instance may have changed what the public sees: the stamp is read again before the next page is served.
/// </summary>
public sealed class DataStampInvalidation(DataStamp stamp) : DbTransactionInterceptor
{
    // A commit whose answer was lost may still have landed, so a failed transaction counts as a change too.
    public override void TransactionFailed(System.Data.Common.DbTransaction transaction, TransactionErrorEventData eventData)
        => stamp.Invalidate();

    public override Task TransactionFailedAsync(
        System.Data.Common.DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        stamp.Invalidate();
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData)
        => stamp.Invalidate();

    public override Task TransactionCommittedAsync(
        System.Data.Common.DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        stamp.Invalidate();
        return Task.CompletedTask;
    }
}
