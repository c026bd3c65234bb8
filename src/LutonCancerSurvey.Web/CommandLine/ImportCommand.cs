using System.Globalization;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Formatting;

namespace LutonCancerSurvey.Web.CommandLine;

/// <summary>
/// `import &lt;file.csv|file.csv.gz|file.xlsx&gt; [--publish] [--layout NAME] [--sheet NAME]`: loads a results file, all
/// or nothing; a file the product does not know is read with the named layout an administrator saved for it.
/// </summary>
public sealed class ImportCommand : ICommand
{
    private const string Usage = "usage: import <file.csv|file.csv.gz|file.xlsx> [--publish] [--layout NAME] [--sheet NAME]";
    private readonly string? _path;
    private readonly bool _publish;
    private readonly string? _usageError;
    private readonly string? _layout;
    private readonly string? _sheet;

    private ImportCommand(string? path, bool publish, string? layout, string? sheet, string? usageError, string[] configurationArgs)
    {
        _path = path;
        _publish = publish;
        _layout = layout;
        _sheet = sheet;
        _usageError = usageError;
        ConfigurationArgs = configurationArgs;
    }

    public string[] ConfigurationArgs { get; }

    public static ImportCommand Parse(IReadOnlyList<string> words, string[] configurationArgs)
    {
        ArgumentNullException.ThrowIfNull(words);
        var publish = words.Contains("--publish");
        var rest = words.Where(w => w != "--publish").ToList();
        var (layout, layoutError) = TakeValue(rest, "--layout");
        var (sheet, sheetError) = TakeValue(rest, "--sheet");
        var error = layoutError ?? sheetError ?? rest.Count switch
        {
            0 => "name the file to import",
            1 when rest[0].StartsWith('-') => $"unknown option {rest[0]}",
            1 => null,
            _ => "import one file at a time",
        };
        return new ImportCommand(error is null ? rest[0] : null, publish, layout, sheet, error, configurationArgs);
    }

    /// <summary>Takes an option and the word after it out of the words.</summary>
    private static (string? Value, string? Error) TakeValue(List<string> words, string option)
    {
        var at = words.IndexOf(option);
        if (at < 0)
        {
            return (null, null);
        }

        if (at + 1 >= words.Count || words[at + 1].StartsWith("--", StringComparison.Ordinal))
        {
            return (null, $"{option} needs a name");
        }

        var value = words[at + 1];
        words.RemoveRange(at, 2);
        return (value, null);
    }

    public async Task<int> RunAsync(IServiceProvider services)
    {
        if (_usageError is not null)
        {
            await Console.Error.WriteLineAsync($"import: {_usageError}\n{Usage}");
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
        LayoutDefinition? layout = null;
        if (_layout is not null)
        {
            var layouts = scope.ServiceProvider.GetRequiredService<SavedLayouts>();
            layout = await layouts.FindAsync(_layout, CancellationToken.None);
            if (layout is null)
            {
                var known = (await layouts.ListAsync(CancellationToken.None)).Select(l => l.Name).ToList();
                await Console.Error.WriteLineAsync($"import: no layout is saved with the name '{_layout}'"
                    + (known.Count == 0 ? "; none is saved yet (save one on the upload page, or import a layouts file there)" : $"; saved layouts: {string.Join(", ", known)}"));
                return 2;
            }
        }

        await using var file = File.OpenRead(path);
        var progress = new Progress<ImportProgress>(p =>
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {p.Rows,9:N0} rows  {p.RowsPerSecond,9:N0} rows/s")));
        var outcome = await importer.ImportAsync(
            file, path, new ImportOptions
            {
                Publish = _publish,
                Layout = layout,
                Sheet = _sheet,
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

        foreach (var note in summary.Notes)
        {
            Console.WriteLine($"  note: {note}");
        }

        foreach (var warning in summary.Warnings)
        {
            Console.WriteLine($"  warning: {warning}");
        }
    }
}
