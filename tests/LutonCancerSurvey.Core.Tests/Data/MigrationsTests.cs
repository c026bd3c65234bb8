using LutonCancerSurvey.Core.Data;
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

    private static SurveyDbContext SqlServerContext()
    {
        var options = new DbContextOptionsBuilder<SurveyDbContext>();
        options.UseSurveyDatabase(DatabaseProvider.SqlServer, UnusedSqlServerConnection);
        return new SurveyDbContext(options.Options);
    }
}
