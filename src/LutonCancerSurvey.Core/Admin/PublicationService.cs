using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Admin;

/// <summary>What became of a publication change.</summary>
public enum PublicationChange
{
    Done,
    NoSuchEdition,

    /// <summary>Scheduling refused: the edition is public now, and a schedule would quietly make it private again.</summary>
    AlreadyPublic,
}

public sealed record EditionState(
    int Year, EditionStatus Status, DateTimeOffset? PublishedAt, DateTimeOffset? PublishAt, long Results, bool IsPublicNow);

/// <summary>Publishing, unpublishing and scheduling editions; each change is audited and seen by every instance.</summary>
public sealed class PublicationService(SurveyDbContext db, TimeProvider time, AuditLog audit)
{
    public async Task<IReadOnlyList<EditionState>> EditionsAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var editions = await db.Editions.IncludingDrafts().AsNoTracking()
            .OrderByDescending(e => e.Year)
            .Select(e => new { Edition = e, Results = db.Results.LongCount(r => r.EditionId == e.Id) })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return editions
            .Select(e => new EditionState(e.Edition.Year, e.Edition.Status, e.Edition.PublishedAt, e.Edition.PublishAt, e.Results,
                EditionVisibility.IsPublic(e.Edition, now)))
            .ToList();
    }

    public Task<PublicationChange> PublishAsync(int year, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(year, actor, "publish", edition =>
        {
            edition.Status = EditionStatus.Published;
            edition.PublishedAt = time.GetUtcNow();
            edition.PublishAt = null;
            return $"{year} published";
        }, cancellationToken);

    public Task<PublicationChange> UnpublishAsync(int year, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(year, actor, "unpublish", edition =>
        {
            edition.Status = EditionStatus.Draft;
            edition.PublishedAt = null;
            edition.PublishAt = null;
            return $"{year} returned to draft: no longer public";
        }, cancellationToken);

    /// <summary>
    /// Schedules a draft's publication: from <paramref name="at"/> (UTC) the public sees it, with nothing to run. An
    /// edition the public can see now is refused: to hold it back, it is unpublished first, which says so.
    /// </summary>
    public Task<PublicationChange> ScheduleAsync(int year, DateTimeOffset at, string actor, CancellationToken cancellationToken) =>
        ChangeAsync(year, actor, "schedule", edition =>
        {
            if (EditionVisibility.IsPublic(edition, time.GetUtcNow()))
            {
                return null;
            }

            edition.Status = EditionStatus.Draft;
            edition.PublishAt = at.ToUniversalTime();
            return $"{year} scheduled for publication at {at.ToUniversalTime():yyyy-MM-dd HH:mm} UTC";
        }, cancellationToken);

    // The change makes itself and says what it did for the audit, or returns null to refuse, leaving the edition as it was.
    private async Task<PublicationChange> ChangeAsync(
        int year, string actor, string action, Func<SurveyEdition, string?> change, CancellationToken cancellationToken)
    {
        var edition = await db.Editions.IncludingDrafts().FirstOrDefaultAsync(e => e.Year == year, cancellationToken).ConfigureAwait(false);
        if (edition is null)
        {
            return PublicationChange.NoSuchEdition;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var details = change(edition);
        if (details is null)
        {
            return PublicationChange.AlreadyPublic;
        }

        audit.Add(actor, action, details);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await DataVersions.BumpAsync(db, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return PublicationChange.Done;
    }
}
