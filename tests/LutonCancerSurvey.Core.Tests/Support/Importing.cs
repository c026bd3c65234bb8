using System.IO.Compression;
using System.Text;
using LutonCancerSurvey.Core.Import;

namespace LutonCancerSurvey.Core.Tests.Support;

/// <summary>Runs the importer against a test database the way the command line and the upload page do.</summary>
public static class Importing
{
    public static async Task<ImportOutcome> ImportAsync(
        TestDatabase database, byte[] content, string fileName, ImportOptions? options = null, TimeProvider? time = null)
    {
        await using var db = database.NewContext();
        var importer = new SurveyImporter(db, time ?? TestClock.At());
        using var stream = new MemoryStream(content, writable: false);
        return await importer.ImportAsync(stream, fileName, options ?? new ImportOptions(), progress: null, CancellationToken.None);
    }

    public static Task<ImportOutcome> ImportTextAsync(
        TestDatabase database, string csv, string fileName = "results.csv", ImportOptions? options = null) =>
        ImportAsync(database, Encoding.UTF8.GetBytes(csv), fileName, options);

    public static Task<ImportOutcome> ImportFixtureAsync(
        TestDatabase database, string fixtureName, ImportOptions? options = null, TimeProvider? time = null) =>
        ImportAsync(database, Fixtures.Bytes(fixtureName), fixtureName, options, time);

    public static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(content);
        }

        return output.ToArray();
    }
}

public static class Fixtures
{
    public const string CombinedValid = "combined-valid.csv";
    public const string TidyValid = "tidy-valid.csv";

    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));
}
