namespace LutonCancerSurvey.Web.CommandLine;

/// <summary>A one-off task run instead of the web server: `dotnet run --project src/LutonCancerSurvey.Web -- import …`.</summary>
public interface ICommand
{
    /// <summary>The arguments left for configuration (e.g. --Database:Provider=SqlServer).</summary>
    string[] ConfigurationArgs { get; }

    Task<int> RunAsync(IServiceProvider services);
}

public static class Commands
{
    public static ICommand? Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0)
        {
            return null;
        }

        var configuration = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Contains('=', StringComparison.Ordinal)).ToArray();
        var words = args.Where(a => !configuration.Contains(a)).ToList();
        return words.FirstOrDefault() switch
        {
            "import" => ImportCommand.Parse(words.Skip(1).ToList(), configuration),
            "import-successions" => ImportSuccessionsCommand.Parse(words.Skip(1).ToList(), configuration),
            "create-admin" => CreateAdminCommand.Parse(words.Skip(1).ToList(), configuration),
            "import-questionnaire" or "import-crosswalk" => QuestionnaireCommand.Parse(words[0], words.Skip(1).ToList(), configuration),
            _ => null,
        };
    }
}
