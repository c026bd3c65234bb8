using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Admin;

/// <summary>Who did what, when: user changes, publication changes and imports all write here.</summary>
public sealed class AuditLog(SurveyDbContext db, TimeProvider time)
{
    /// <summary>Adds an entry to the pending changes, so that it is saved in the same transaction as the change itself.</summary>
    public void Add(string actor, string action, string details) =>
        db.AuditEntries.Add(new AuditEntry { At = time.GetUtcNow(), Actor = actor, Action = action, Details = details });

    public async Task WriteAsync(string actor, string action, string details, CancellationToken cancellationToken)
    {
        Add(actor, action, details);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditEntry>> LatestAsync(int take, CancellationToken cancellationToken) =>
        await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Take(take)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
}
