using LutonCancerSurvey.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Queries;

/// <summary>Which organisations became which: for the header of every organisation page, the finder and the API.</summary>
public sealed class SuccessionsQuery(SurveyDbContext db)
{
    /// <summary>
    /// The successions this viewer may see, each organisation named as the newest edition they may see names it: a
    /// succession whose predecessor or successor only a draft has is left out, so no draft's name reaches the public.
    /// The lookup is small (one row per organisation that changed), so it is read whole.
    /// </summary>
    public async Task<SuccessionMap> SuccessionsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Successions.AsNoTracking()
            .Select(s => new
            {
                s.PredecessorId,
                PredecessorCode = s.Predecessor!.Code,
                PredecessorName = db.OrganisationEditions.Where(f => f.OrganisationId == s.PredecessorId)
                    .OrderByDescending(f => f.Edition!.Year).Select(f => f.Name).FirstOrDefault(),
                s.SuccessorId,
                SuccessorCode = s.Successor == null ? null : s.Successor.Code,
                SuccessorName = db.OrganisationEditions.Where(f => f.OrganisationId == s.SuccessorId)
                    .OrderByDescending(f => f.Edition!.Year).Select(f => f.Name).FirstOrDefault(),
                s.FromYear,
                s.Kind,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new SuccessionMap(rows
            .Where(r => r.PredecessorName is not null && (r.SuccessorId is null || r.SuccessorName is not null))
            .Select(r => new SuccessionStep(
                new OrganisationLink(r.PredecessorId, r.PredecessorCode, r.PredecessorName!),
                r.SuccessorId is { } id ? new OrganisationLink(id, r.SuccessorCode!, r.SuccessorName!) : null,
                r.FromYear,
                r.Kind)));
    }
}
