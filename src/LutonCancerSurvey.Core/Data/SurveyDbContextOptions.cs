using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;

namespace LutonCancerSurvey.Core.Data;

/// <summary>Chooses the provider and its migrations assembly: one migrations set per provider.</summary>
public static class SurveyDbContextOptions
{
    public const string SqliteMigrationsAssembly = "LutonCancerSurvey.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "LutonCancerSurvey.Migrations.SqlServer";

    public static DbContextOptionsBuilder UseSurveyDatabase(
        this DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return provider switch
        {
            DatabaseProvider.SqlServer => builder.UseSqlServer(
                connectionString, sql => sql.MigrationsAssembly(SqlServerMigrationsAssembly)),
            // SQLite rebuilds a changed table between "PRAGMA foreign_keys = 0" and "= 1", which SQLite ignores inside a
            // transaction, so EF Core runs the two pragmas outside it and warns on every first start. The rebuild itself
            // is still one transaction, and the pragma lasts only for that connection: an interrupted start leaves nothing
            // half done, so the warning is logged at Debug instead of alarming whoever starts the app.
            _ => builder
                .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly))
                .ConfigureWarnings(w => w.Log((RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug))),
        };
    }
}
