using LutonCancerSurvey.Core.Admin;

namespace LutonCancerSurvey.Web.CommandLine;

/// <summary>
/// `import-questionnaire &lt;file.csv&gt;` and `import-crosswalk &lt;file.csv&gt;`: state an edition's questionnaire, or
/// which questions of two questionnaires ask the same, as the admin page does (docs/data-format.md).
/// </summary>
public sealed class QuestionnaireCommand(string verb, string? path, string? usageError, string[] configurationArgs) : ICommand
{
    public string[] ConfigurationArgs { get; } = configurationArgs;

    public static QuestionnaireCommand Parse(string verb, IReadOnlyList<string> words, string[] configurationArgs)
    {
        ArgumentNullException.ThrowIfNull(words);
        var error = words.Count switch
        {
            0 => "name the file to import",
            1 when words[0].StartsWith('-') => $"unknown option {words[0]}",
            1 => null,
            _ => "import one file at a time",
        };
        return new QuestionnaireCommand(verb, error is null ? words[0] : null, error, configurationArgs);
    }

    public async Task<int> RunAsync(IServiceProvider services)
    {
        if (usageError is not null)
        {
            await Console.Error.WriteLineAsync($"{verb}: {usageError}\nusage: {verb} <file.csv>");
            return 2;
        }

        var located = ImportCommand.Locate(path!);
        if (located is null)
        {
            await Console.Error.WriteLineAsync($"{verb}: no such file: {path}");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<QuestionnaireImporter>();
        await using var file = File.OpenRead(located);
        var outcome = verb == "import-crosswalk"
            ? await importer.ImportCrosswalkAsync(file, "command line", CancellationToken.None)
            : await importer.ImportQuestionnaireAsync(file, "command line", CancellationToken.None);
        if (!outcome.Succeeded)
        {
            await Console.Error.WriteLineAsync($"{Path.GetFileName(located)} cannot be imported; nothing was changed:");
            foreach (var error in outcome.Errors)
            {
                await Console.Error.WriteLineAsync($"  {error}");
            }

            return 1;
        }

        Console.WriteLine($"{Path.GetFileName(located)}: {outcome.Summary}");
        return 0;
    }
}
