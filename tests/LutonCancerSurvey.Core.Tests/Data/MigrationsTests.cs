using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace LutonCancerSurvey.Core.Tests.Data;

public class MigrationsTests
{
    // Never opened: SQL Server migrations are generated and parsed offline, as no SQL Server runs here.
    private const string UnusedSqlServerConnection = "Server=localhost;Database=LutonCancerSurvey;Integrated Security=true";

    [Fact]
    public void SqliteMigrations_MatchTheModel()
    {
        using var database = new TestDatabase();
        using var db = database.NewContext();

        db.Database.HasPendingModelChanges().Should().BeFalse("a model change needs a new SQLite migration");
    }

    [Fact]
    public void SqlServerMigrations_MatchTheModel()
    {
        using var db = SqlServerContext();

        db.Database.HasPendingModelChanges().Should().BeFalse("a model change needs a new SQL Server migration");
    }

    [Fact]
    public void SqlServerMigrations_IdempotentScript_ParsesAsTransactSql()
    {
        using var db = SqlServerContext();
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(script);
        parser.Parse(reader, out var errors);

        script.Should().Contain("CREATE TABLE [Results]");
        errors.Select(e => $"line {e.Line}: {e.Message}").Should().BeEmpty();
    }

    [Fact]
    public void SqliteMigrations_AreAllApplied_OnANewDatabase()
    {
        using var database = new TestDatabase();
        using var db = database.NewContext();

        db.Database.GetPendingMigrations().Should().BeEmpty();
        db.Database.GetAppliedMigrations().Should().NotBeEmpty();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Migrating_ADatabaseFromBeforeEditionFacts_KeepsNamesAndAlliancesInEveryEditionWithResults(bool crashAfterTheMigration)
    {
        var path = Path.Combine(Path.GetTempPath(), $"lcs-upgrade-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SurveyDbContext>();
            options.UseSurveyDatabase(DatabaseProvider.Sqlite, $"Data Source={path}");
            await using var db = new SurveyDbContext(options.Options, FixedViewer.Commissioner, TimeProvider.System);
            await db.GetService<IMigrator>().MigrateAsync("20261126230510_IdentityAndPublication");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO Editions (Id, Year, Status) VALUES (1, 2017, 1), (2, 2018, 0);"
                + "INSERT INTO Organisations (Id, Code, Name, Level, AllianceId) VALUES "
                + "(1, 'E56000099', 'Test Alliance', 1, NULL), (2, '99X', 'NHS Testshire CCG', 2, 1), (3, '99Y', 'NHS Unused CCG', 2, 1);"
                + "INSERT INTO Imports (Id, FileName, Sha256, ImportedAt, Rows) VALUES (1, 'old.csv', '0000000000000000000000000000000000000000000000000000000000000000', 0, 2);"
                + "INSERT INTO Questions (Id, EditionId, Number, Text, Section, Scoring) VALUES (1, 1, 59, 'Overall?', 'Overall', 1), (2, 2, 59, 'Overall?', 'Overall', 1);"
                + "INSERT INTO Results (EditionId, OrganisationId, QuestionId, TumourGroupId, Breakdown, Basis, Suppression, ImportId, SourceRow) "
                + "VALUES (1, 2, 1, 1, 0, 2, 0, 1, 2), (2, 2, 2, 1, 0, 2, 0, 1, 3);");
            if (crashAfterTheMigration)
            {
                // What a process stopped between the migration and the copy back leaves: the names only in the staging table.
                await SurveyDatabaseMigration.StageLegacyFactsAsync(db, CancellationToken.None);
                await db.Database.MigrateAsync();
            }

            await SurveyDatabaseMigration.MigrateAsync(db, CancellationToken.None);

            var facts = await db.OrganisationEditions.AsNoTracking()
                .OrderBy(f => f.EditionId).ThenBy(f => f.OrganisationId)
                .Select(f => $"{f.Edition!.Year} {f.Organisation!.Code} {f.Name} {f.AllianceId} {f.Level}")
                .ToListAsync();
            var staging = await db.Database.SqlQueryRaw<int>(
                    $"SELECT COUNT(*) AS Value FROM sqlite_master WHERE name = '{SurveyDatabaseMigration.StagingTable}'")
                .SingleAsync();
            facts.Should().Equal(
                "2017 E56000099 Test Alliance  CancerAlliance",
                "2017 99X NHS Testshire CCG 1 Ccg",
                "2018 E56000099 Test Alliance  CancerAlliance",
                "2018 99X NHS Testshire CCG 1 Ccg");
            staging.Should().Be(0, "the staging table goes once its names are copied");
            (await db.Editions.OrderBy(e => e.Year).Select(e => e.Year + " " + e.Series!.Code).ToListAsync())
                .Should().Equal(["2017 cpes-2015", "2018 cpes-2015"], "editions from before questionnaires were data get their year's default");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Migrating_ADatabaseFromBeforeParentsPerEdition_KeepsEveryNameAndAlliance_WithNoIcbOrRegion()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lcs-upgrade-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SurveyDbContext>();
            options.UseSurveyDatabase(DatabaseProvider.Sqlite, $"Data Source={path}");
            await using var db = new SurveyDbContext(options.Options, FixedViewer.Commissioner, TimeProvider.System);
            await db.GetService<IMigrator>().MigrateAsync("20261203001343_ScoreDecimals");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO Editions (Id, Year, Status) VALUES (1, 2021, 1);"
                + "INSERT INTO Organisations (Id, Code, Level) VALUES (1, 'E56000099', 1), (2, '99X', 2);"
                + "INSERT INTO OrganisationEditions (EditionId, OrganisationId, Name, AllianceId) VALUES "
                + "(1, 1, 'Test Alliance', NULL), (1, 2, 'NHS Testshire CCG', 1);");

            await SurveyDatabaseMigration.MigrateAsync(db, CancellationToken.None);

            var facts = await db.OrganisationEditions.AsNoTracking()
                .OrderBy(f => f.OrganisationId)
                .Select(f => $"{f.Edition!.Year} {f.Organisation!.Code} {f.Name} {f.AllianceId} {f.IcbId} {f.RegionId} {f.Level}")
                .ToListAsync();
            facts.Should().Equal("2021 E56000099 Test Alliance    CancerAlliance", "2021 99X NHS Testshire CCG 1   Ccg");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Migrating_ADatabaseFromBeforeLevelsPerEdition_GivesEveryEditionsFactsTheOrganisationsLevel()
    {
        var path = Path.Combine(Path.GetTempPath(), $"lcs-upgrade-{Guid.NewGuid():N}.db");
        try
        {
            var options = new DbContextOptionsBuilder<SurveyDbContext>();
            options.UseSurveyDatabase(DatabaseProvider.Sqlite, $"Data Source={path}");
            await using var db = new SurveyDbContext(options.Options, FixedViewer.Commissioner, TimeProvider.System);
            await db.GetService<IMigrator>().MigrateAsync("20261206202443_ParentsAndSuccessions");
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO Editions (Id, Year, Status) VALUES (1, 2018, 1), (2, 2019, 1);"
                + "INSERT INTO Organisations (Id, Code, Level) VALUES (1, 'E92000001', 0), (2, 'E56000099', 1), (3, '99X', 2), (4, 'RZZ', 3);"
                + "INSERT INTO OrganisationEditions (EditionId, OrganisationId, Name) VALUES "
                + "(1, 1, 'England'), (1, 2, 'Test Alliance'), (1, 3, 'NHS Testshire CCG'), (2, 3, 'NHS Testshire CCG'), (2, 4, 'Test Trust');");

            await SurveyDatabaseMigration.MigrateAsync(db, CancellationToken.None);

            var facts = await db.OrganisationEditions.AsNoTracking()
                .OrderBy(f => f.EditionId).ThenBy(f => f.OrganisationId)
                .Select(f => $"{f.Edition!.Year} {f.Organisation!.Code} {f.Level}")
                .ToListAsync();
            facts.Should().Equal(
                "2018 E92000001 National",
                "2018 E56000099 CancerAlliance",
                "2018 99X Ccg",
                "2019 99X Ccg",
                "2019 RZZ Trust");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private static SurveyDbContext SqlServerContext()
    {
        var options = new DbContextOptionsBuilder<SurveyDbContext>();
        options.UseSurveyDatabase(DatabaseProvider.SqlServer, UnusedSqlServerConnection);
        return new SurveyDbContext(options.Options, FixedViewer.Commissioner, TimeProvider.System);
    }
}
