using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Web.Presentation;

namespace LutonCancerSurvey.Web.CommandLine;

/// <summary>`import-successions &lt;file.csv&gt;`: loads the lookup of what became of organisations, all or nothing.</summary>
public sealed class ImportSuccessionsCommand : ICommand
{
    private const string Usage = "usage: import-successions <file.csv>";
    private readonly string? _path;
    private readonly string? _usageError;

    private ImportSuccessionsCommand(string? path, string? usageError, string[] configurationArgs)
    {
        _path = path;
        _usageError = usageError;
        ConfigurationArgs = configurationArgs;
    }

    public string[] ConfigurationArgs { get; }

    public static ImportSuccessionsCommand Parse(IReadOnlyList<string> words, string[] configurationArgs)
    {
        ArgumentNullException.ThrowIfNull(words);
        var error = words.Count switch
        {
            0 => "name the lookup file to load",
            1 when words[0].StartsWith('-') => $"unknown option {words[0]}",
            1 => null,
            _ => "load one file at a time",
        };
        return new ImportSuccessionsCommand(error is null ? words[0] : null, error, configurationArgs);
    }

    public async Task<int> RunAsync(IServiceProvider services)
    {
        if (_usageError is not null)
        {
            await Console.Error.WriteLineAsync($"import-successions: {_usageError}\n{Usage}");
            return 2;
        }

        var path = ImportCommand.Locate(_path!);
        if (path is null)
        {
            await Console.Error.WriteLineAsync($"import-successions: no such file: {_path}");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<SuccessionImporter>();
        await using var file = File.OpenRead(path);
        var outcome = await importer.ImportAsync(file, path, new SuccessionImportOptions(), CancellationToken.None);
        var name = Path.GetFileName(path);
        if (!outcome.Succeeded)
        {
            await Console.Error.WriteLineAsync($"import-successions: {name} was not loaded; nothing was written.");
            foreach (var error in outcome.Errors)
            {
                await Console.Error.WriteLineAsync($"  {name}, {error}");
            }

            return 1;
        }

        Console.WriteLine($"Loaded {name} (SHA-256 {outcome.Sha256}): {outcome.Count(SuccessionChangeKind.Added)} added, "
            + $"{outcome.Count(SuccessionChangeKind.Replaced)} replaced, {outcome.Count(SuccessionChangeKind.Unchanged)} unchanged");
        foreach (var change in outcome.Changes.Where(c => c.Change != SuccessionChangeKind.Unchanged))
        {
            Console.WriteLine($"  {change.Change.ToString().ToLowerInvariant(),-9} {SuccessionText.Describe(change)}");
        }

        return 0;
    }
}
