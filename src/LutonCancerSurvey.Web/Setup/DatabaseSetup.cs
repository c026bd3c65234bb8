using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Formatting;
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
    private const string SeedFileName = "cpes-2016-press-release.csv";
    private const string SeedResource = "LutonCancerSurvey.Web.Seed." + SeedFileName;

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

        if (await db.Editions.IncludingDrafts().AnyAsync())
        {
            await RecordSeedPrecisionAsync(db);
            return;
        }

        var importer = scope.ServiceProvider.GetRequiredService<SurveyImporter>();
        await using var seed = typeof(DatabaseSetup).Assembly.GetManifestResourceStream(SeedResource)
            ?? throw new InvalidOperationException($"The seed file {SeedResource} is missing from the build.");
        await using var buffered = new MemoryStream();
        await seed.CopyToAsync(buffered);
        var outcome = await importer.ImportAsync(
            buffered, SeedFileName, new ImportOptions { Publish = true }, progress: null, CancellationToken.None);
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException("The built-in seed file did not import: " + string.Join("; ", outcome.Errors));
        }
    }

    /// <summary>
    /// A database seeded before each score's published places were recorded holds the seed's figures without them, and
    /// would write the press release's 9.2 as "9.20". The seed is a tidy file written without trailing zeros, so the
    /// places of each stored figure are the places it was published with. Figures from other files keep the scale's
    /// usual places until their file is imported again: their trailing zeros cannot be recovered from the database.
    /// </summary>
    private static async Task RecordSeedPrecisionAsync(SurveyDbContext db)
    {
        // Runs on every start: find the seed's imports first (a handful of rows), so the results are read through
        // their import's index rather than by a scan of every result.
        var seedImports = await db.Imports.Where(i => i.FileName == SeedFileName).Select(i => i.Id).ToListAsync();
        var unrecorded = new List<SurveyResult>();
        foreach (var importId in seedImports)
        {
            unrecorded.AddRange(await db.Results.IncludingDrafts()
                .Where(r => r.ImportId == importId && r.Score != null && r.ScoreDecimals == null)
                .ToListAsync());
        }

        if (unrecorded.Count == 0)
        {
            return;
        }

        foreach (var result in unrecorded)
        {
            result.ScoreDecimals = Format.PlacesOf(result.Score!.Value);
        }

        // A new data version, so other instances on this database stop serving pages cached with the old places.
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync();
        await DataVersions.BumpAsync(db, CancellationToken.None);
        await transaction.CommitAsync();
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
