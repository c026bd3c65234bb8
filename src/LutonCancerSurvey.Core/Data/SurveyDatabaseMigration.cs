using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Data;

/// <summary>
/// Applies pending migrations. A database made before organisations' names and Alliances became facts of an edition
/// keeps them: the migration that moves them drops the old columns, so they are read first and written back, to every
/// edition the organisation has results in, once it has run.
/// </summary>
public static class SurveyDatabaseMigration
{
    public const string OrganisationFactsMigration = "OrganisationFactsPerEdition";

    public static async Task MigrateAsync(SurveyDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false);
        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false);
        List<LegacyFacts> legacy = [];
        List<LegacyName> names = [];
        if (applied.Any() && pending.Any(m => m.EndsWith("_" + OrganisationFactsMigration, StringComparison.Ordinal)))
        {
            legacy = await db.Database.SqlQueryRaw<LegacyFacts>(
                    "SELECT DISTINCT r.EditionId, o.Id AS OrganisationId, o.Name, o.AllianceId "
                    + "FROM Results r INNER JOIN Organisations o ON o.Id = r.OrganisationId")
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            names = await db.Database.SqlQueryRaw<LegacyName>("SELECT Id, Name FROM Organisations")
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (legacy.Count == 0)
        {
            return;
        }

        var facts = legacy.ToDictionary(
            l => (l.EditionId, l.OrganisationId),
            l => new OrganisationEdition { EditionId = l.EditionId, OrganisationId = l.OrganisationId, Name = l.Name, AllianceId = l.AllianceId });

        // An Alliance is named in every edition that places an organisation in it, whether or not it has results there.
        var nameOf = names.ToDictionary(n => n.Id, n => n.Name);
        foreach (var member in facts.Values.Where(f => f.AllianceId is not null).ToList())
        {
            facts.TryAdd(
                (member.EditionId, member.AllianceId!.Value),
                new OrganisationEdition { EditionId = member.EditionId, OrganisationId = member.AllianceId.Value, Name = nameOf[member.AllianceId.Value] });
        }

        db.OrganisationEditions.AddRange(facts.Values);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private sealed record LegacyFacts(int EditionId, int OrganisationId, string Name, int? AllianceId);

    private sealed record LegacyName(int Id, string Name);
}
