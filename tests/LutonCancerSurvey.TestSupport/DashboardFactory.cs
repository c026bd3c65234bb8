using AngleSharp;
using AngleSharp.Html.Dom;
using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Import;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace LutonCancerSurvey.TestSupport;

/// <summary>The dashboard over its own temporary SQLite file, created (and seeded) by the app's own start-up.</summary>
public class DashboardFactory : WebApplicationFactory<Program>
{
    private readonly string _databasePath;
    private readonly bool _ownsDatabase;

    public DashboardFactory()
        : this(Path.Combine(Path.GetTempPath(), $"lcs-web-{Guid.NewGuid():N}.db"), ownsDatabase: true)
    {
    }

    protected DashboardFactory(string databasePath, bool ownsDatabase)
    {
        _databasePath = databasePath;
        _ownsDatabase = ownsDatabase;
    }

    private readonly string _uploadsPath = Path.Combine(Path.GetTempPath(), $"lcs-uploads-{Guid.NewGuid():N}");

    public string DatabasePath => _databasePath;

    /// <summary>The feedback address the test app is configured with (Service:ContactEmail).</summary>
    public const string ContactEmail = "cancer-survey@example.nhs.uk";

    /// <summary>Where the upload page stages files waiting for confirmation.</summary>
    public string UploadsPath => _uploadsPath;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Survey", $"Data Source={_databasePath}");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore", "Warning");
        builder.UseSetting("Security:SignInAttemptsPerMinute", "10000");
        builder.UseSetting("Uploads:Path", _uploadsPath);
        builder.UseSetting("Service:ContactEmail", ContactEmail);
    }

    /// <summary>Imports a file through the app's own importer, as the import command does.</summary>
    public async Task<ImportOutcome> ImportAsync(Stream content, string fileName, bool publish)
    {
        await using var scope = Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<SurveyImporter>();
        return await importer.ImportAsync(content, fileName, new ImportOptions { Publish = publish }, null, CancellationToken.None);
    }

    public async Task<ImportOutcome> ImportAsync(string path, bool publish)
    {
        await using var file = File.OpenRead(path);
        return await ImportAsync(file, Path.GetFileName(path), publish);
    }

    public SurveyDbContext NewDbContext() => Services.CreateScope().ServiceProvider.GetRequiredService<SurveyDbContext>();

    public async Task<IHtmlDocument> GetDocumentAsync(string url)
    {
        using var client = CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        return await Html.ParseAsync(html);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (Directory.Exists(_uploadsPath))
        {
            Directory.Delete(_uploadsPath, recursive: true);
        }

        if (!_ownsDatabase)
        {
            return;
        }

        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _databasePath, _databasePath + "-wal", _databasePath + "-shm" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }
}

/// <summary>Another app instance over a database file that a first instance owns: several instances, one database.</summary>
public sealed class SecondInstance(DashboardFactory first) : DashboardFactory(first?.DatabasePath!, ownsDatabase: false);

public static class Html
{
    public static async Task<IHtmlDocument> ParseAsync(string html)
    {
        var context = BrowsingContext.New(Configuration.Default);
        return (IHtmlDocument)await context.OpenAsync(request => request.Content(html));
    }

    public static string TestId(this IHtmlDocument document, string testId) =>
        document.QuerySelector($"[data-testid='{testId}']")?.TextContent.Trim()
        ?? throw new InvalidOperationException($"No element with data-testid '{testId}'");
}

/// <summary>
/// The dashboard with the real 2018 file imported and published once for every test that shares it (about 15 s).
/// </summary>
public sealed class RealDataDashboard : DashboardFactory, IAsyncLifetime
{
    public ImportOutcome? Import { get; private set; }

    public async Task InitializeAsync()
    {
        var path = RealDataFiles.CombinedFile;
        if (path is null)
        {
            return; // the tests themselves skip (or, in CI, fail) for want of the file
        }

        _ = Server; // start the app so it creates and seeds its database
        Import = await ImportAsync(path, publish: true);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}
