using System.Globalization;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Formatting;

namespace LutonCancerSurvey.Web.CommandLine;

/// <summary>`import &lt;file.csv|file.csv.gz&gt; [--publish]`: loads a results file, all or nothing.</summary>
public sealed class ImportCommand : ICommand
{
    private readonly string? _path;
    private readonly bool _publish;
    private readonly string? _usageError;

    private ImportCommand(string? path, bool publish, string? usageError, string[] configurationArgs)
    {
        _path = path;
        _publish = publish;
        _usageError = usageError;
        ConfigurationArgs = configurationArgs;
    }

    public string[] ConfigurationArgs { get; }

    public static ImportCommand Parse(IReadOnlyList<string> words, string[] configurationArgs)
    {
        var publish = words.Contains("--publish");
        var rest = words.Where(w => w != "--publish").ToList();
        var error = rest.Count switch
        {
            0 => "name the file to import",
            1 when rest[0].StartsWith('-') => $"unknown option {rest[0]}",
            1 => null,
            _ => "import one file at a time",
        };
        return new ImportCommand(error is null ? rest[0] : null, publish, error, configurationArgs);
    }

    public async Task<int> RunAsync(IServiceProvider services)
    {
        if (_usageError is not null)
        {
            await Console.Error.WriteLineAsync($"import: {_usageError}\nusage: import <file.csv|file.csv.gz> [--publish]");
            return 2;
        }

        var path = Locate(_path!);
        if (path is null)
        {
            await Console.Error.WriteLineAsync($"import: no such file: {_path}");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<SurveyImporter>();
        await using var file = File.OpenRead(path);
        var progress = new Progress<ImportProgress>(p =>
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {p.Rows,9:N0} rows  {p.RowsPerSecond,9:N0} rows/s")));
        var outcome = await importer.ImportAsync(
            file, path, new ImportOptions
            {
                Publish = _publish,
                MaxDecompressedBytes = services.GetRequiredService<IConfiguration>()
                    .GetValue(ImportLimits.ConfigurationKey, ImportLimits.DefaultMaxDecompressedBytes),
            }, progress, CancellationToken.None);

        if (!outcome.Succeeded)
        {
            await Console.Error.WriteLineAsync($"import: {Path.GetFileName(_path)} was not imported; nothing was written.");
            foreach (var group in outcome.Grouped)
            {
                await Console.Error.WriteLineAsync($"  {Path.GetFileName(_path)}, {group}");
            }

            if (outcome.ErrorsNotGrouped > 0)
            {
                await Console.Error.WriteLineAsync($"  … and {outcome.ErrorsNotGrouped:N0} more {Format.Plural(outcome.ErrorsNotGrouped, "error", "errors")} of other kinds ({outcome.ErrorCount:N0} in all)");
            }

            return 1;
        }

        PrintSummary(outcome.Summary!);
        return 0;
    }

    /// <summary>
    /// `dotnet run --project …` starts the app in the project's folder, so a relative path is also tried against the
    /// folder the command was typed in (the shell's PWD).
    /// </summary>
    internal static string? Locate(string path)
    {
        if (File.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        var typedIn = Environment.GetEnvironmentVariable("PWD");
        if (!Path.IsPathRooted(path) && !string.IsNullOrEmpty(typedIn) && File.Exists(Path.Combine(typedIn, path)))
        {
            return Path.GetFullPath(Path.Combine(typedIn, path));
        }

        return null;
    }

    private static void PrintSummary(ImportSummary summary)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"Imported {summary.FileName} ({summary.Layout} layout, SHA-256 {summary.Sha256})"));
        Console.WriteLine(string.Create(c, $"  {summary.Rows:N0} {Format.Plural(summary.Rows, "row", "rows")} in {summary.Elapsed.TotalSeconds:N1} s: {summary.Added:N0} added, {summary.Replaced:N0} replaced, {summary.Suppressed:N0} suppressed"));
        foreach (var ((level, basis), rows) in summary.RowsByLevelAndBasis.OrderBy(r => r.Key.Level).ThenBy(r => r.Key.Basis))
        {
            Console.WriteLine(string.Create(c, $"  {Vocabulary.LevelWords[level],-16} {Vocabulary.BasisWords[basis],-11} {rows,9:N0}"));
        }

        foreach (var edition in summary.Editions)
        {
            var note = edition.Status == EditionStatus.Published
                ? edition.WasPublishedBefore ? "already published: these figures are public now" : "published"
                : "draft: not public until published";
            Console.WriteLine(string.Create(c, $"  {edition.Year}: {note}"));
        }

        foreach (var warning in summary.Warnings)
        {
            Console.WriteLine($"  warning: {warning}");
        }
    }
}
