using Microsoft.EntityFrameworkCore;

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
            _ => builder.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrationsAssembly)),
        };
    }
}
