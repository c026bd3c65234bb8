using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Data;

/// <summary>
/// Applies pending migrations. A database made before organisations' names and Alliances became facts of an edition
/// keeps them: the migration that moves them drops the old columns, so before it runs they are copied, in one
/// transaction, into a table of their own in the same database, and written back to every edition the organisation
/// has results in once it has run. The copy outlives a crash between the two: the next start finishes the job.
/// </summary>
public static class SurveyDatabaseMigration
{
    public const string OrganisationFactsMigration = "OrganisationFactsPerEdition";

    /// <summary>Holds the old names and Alliances between the migration and their copy into the editions' facts.</summary>
    public const string StagingTable = "LegacyOrganisationFacts";

    public static async Task MigrateAsync(SurveyDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var applied = await db.Database.GetAppliedMigrationsAsync(cancellationToken).ConfigureAwait(false);
        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false);
        if (applied.Any() && pending.Any(m => m.EndsWith("_" + OrganisationFactsMigration, StringComparison.Ordinal))
            && !await StagingExistsAsync(db, cancellationToken).ConfigureAwait(false))
        {
            await StageLegacyFactsAsync(db, cancellationToken).ConfigureAwait(false);
        }

        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        if (await StagingExistsAsync(db, cancellationToken).ConfigureAwait(false))
        {
            await RestoreLegacyFactsAsync(db, cancellationToken).ConfigureAwait(false);
        }

        await AssignQuestionnairesAsync(db, cancellationToken).ConfigureAwait(false);
        await AssignEditionLevelsAsync(db, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Facts from before an organisation's level was a fact of each edition take the level it had then: the column
    /// arrives as 0 (<see cref="OrganisationLevel.National"/>) everywhere, and only England is national, so a
    /// non-national organisation's facts at 0 are exactly those not yet filled. Safe to run on every start, and a
    /// crash halfway is finished by the next.
    /// </summary>
    private static async Task AssignEditionLevelsAsync(SurveyDbContext db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlRawAsync(
            "UPDATE OrganisationEditions SET Level = (SELECT o.Level FROM Organisations o WHERE o.Id = OrganisationEditions.OrganisationId) "
            + "WHERE Level = 0 AND EXISTS (SELECT 1 FROM Organisations o WHERE o.Id = OrganisationEditions.OrganisationId AND o.Level <> 0)",
            cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Editions from before questionnaires were data get the series that is the default for their year (2015 to 2019:
    /// the built-in one), or one of their own, so that no trend crosses a questionnaire nobody has stated.
    /// </summary>
    private static async Task AssignQuestionnairesAsync(SurveyDbContext db, CancellationToken cancellationToken)
    {
        var editions = await db.Editions.IncludingDrafts().Where(e => e.SeriesId == null).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (editions.Count == 0)
        {
            return;
        }

        var series = await db.QuestionSeries.ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var edition in editions)
        {
            var own = $"cpes-{edition.Year}";
            edition.Series = series.FirstOrDefault(s => s.IsDefaultFor(edition.Year)) ?? series.FirstOrDefault(s => s.Code == own);
            if (edition.Series is null)
            {
                edition.Series = new QuestionSeries { Code = own, Name = $"CPES questionnaire of {edition.Year}" };
                series.Add(edition.Series);
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// Copies each organisation's name and Alliance to every edition it has results in, and each Alliance's name to
    /// every edition that places an organisation in it, whether or not the Alliance has results there.
    /// </summary>
    internal static async Task StageLegacyFactsAsync(SurveyDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync(
            $"CREATE TABLE {StagingTable} (EditionId INT NOT NULL, OrganisationId INT NOT NULL, Name NVARCHAR(200) NOT NULL, AllianceId INT NULL);"
            + $"INSERT INTO {StagingTable} (EditionId, OrganisationId, Name, AllianceId) "
            + "SELECT DISTINCT r.EditionId, o.Id, o.Name, o.AllianceId FROM Results r INNER JOIN Organisations o ON o.Id = r.OrganisationId;"
            + $"INSERT INTO {StagingTable} (EditionId, OrganisationId, Name, AllianceId) "
            + $"SELECT DISTINCT m.EditionId, a.Id, a.Name, NULL FROM {StagingTable} m INNER JOIN Organisations a ON a.Id = m.AllianceId "
            + $"WHERE NOT EXISTS (SELECT 1 FROM {StagingTable} s WHERE s.EditionId = m.EditionId AND s.OrganisationId = a.Id);",
            cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task RestoreLegacyFactsAsync(SurveyDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO OrganisationEditions (EditionId, OrganisationId, Name, AllianceId, Level) "
            + $"SELECT s.EditionId, s.OrganisationId, s.Name, s.AllianceId, o.Level FROM {StagingTable} s "
            + "INNER JOIN Organisations o ON o.Id = s.OrganisationId "
            + "WHERE NOT EXISTS (SELECT 1 FROM OrganisationEditions f WHERE f.EditionId = s.EditionId AND f.OrganisationId = s.OrganisationId);"
            + $"DROP TABLE {StagingTable};",
            cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> StagingExistsAsync(SurveyDbContext db, CancellationToken cancellationToken)
    {
        var sql = db.Database.IsSqlServer()
            ? $"SELECT COUNT(*) AS Value FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = '{StagingTable}'"
            : $"SELECT COUNT(*) AS Value FROM sqlite_master WHERE type = 'table' AND name = '{StagingTable}'";
        return await db.Database.SqlQueryRaw<int>(sql).SingleAsync(cancellationToken).ConfigureAwait(false) > 0;
    }
}
