using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Web.Access;
using LutonCancerSurvey.Web.Caching;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Web.Setup;

public static class DatabaseSetup
{
    public const string ConnectionStringName = "Survey";
    private const string SeedResource = "LutonCancerSurvey.Web.Seed.cpes-2016-press-release.csv";

    public static WebApplicationBuilder AddSurveyDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString(ConnectionStringName);
        if (options.Provider == DatabaseProvider.SqlServer && string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                "Database:Provider is SqlServer but ConnectionStrings:Survey is not set (use an environment variable or user secrets).");
        }

        if (options.Provider == DatabaseProvider.Sqlite)
        {
            connectionString = SqliteFileBesideApp(connectionString ?? DatabaseOptions.DefaultSqliteConnection, builder.Environment.ContentRootPath);
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<DataStamp>();
        builder.Services.AddSingleton<DataStampInvalidation>();
        builder.Services.AddDbContext<SurveyDbContext>((services, db) => db
            .UseSurveyDatabase(options.Provider, connectionString!)
            .AddInterceptors(services.GetRequiredService<DataStampInvalidation>()));
        return builder;
    }

    /// <summary>Applies migrations, and on a new database loads the figures the project started from.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SurveyDbContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers carry on while an import writes, and lets several app instances share one file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }

        await SurveyDatabaseMigration.MigrateAsync(db, CancellationToken.None);
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        if (await db.Editions.AnyAsync())
        {
            return;
        }

        var importer = scope.ServiceProvider.GetRequiredService<SurveyImporter>();
        await using var seed = typeof(DatabaseSetup).Assembly.GetManifestResourceStream(SeedResource)
            ?? throw new InvalidOperationException($"The seed file {SeedResource} is missing from the build.");
        await using var buffered = new MemoryStream();
        await seed.CopyToAsync(buffered);
        var outcome = await importer.ImportAsync(
            buffered, "cpes-2016-press-release.csv", new ImportOptions { Publish = true }, progress: null, CancellationToken.None);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException("The built-in seed file did not import: " + string.Join("; ", outcome.Errors));
        }
    }

    private static string SqliteFileBesideApp(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:" && !Path.IsPathRooted(csb.DataSource))
        {
            csb.DataSource = Path.Combine(contentRoot, csb.DataSource);
        }

        var folder = Path.GetDirectoryName(csb.DataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        return csb.ToString();
    }
}
