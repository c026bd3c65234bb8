using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Data;

/// <summary>The counter every instance reads to know whether what the public sees has changed.</summary>
public static class DataVersions
{
    public static async Task BumpAsync(SurveyDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.DataVersions.Where(v => v.Id == DataVersion.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Version, v => v.Version + 1), cancellationToken)
            .ConfigureAwait(false);
    }
}
