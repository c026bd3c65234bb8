namespace LutonCancerSurvey.TestSupport;

/// <summary>
/// Finds the real CPES file outside the repository: $CPES_DATA_DIR, or ../shared/data/cpes/ next to the folder that
/// holds LutonCancerSurvey.sln. The file is never copied into the repository.
/// </summary>
public static class RealDataFiles
{
    public const string CombinedFileName = "cpes-2018-combined.csv.gz";
    public const string DataDirectoryVariable = "CPES_DATA_DIR";

    public static string? CombinedFile => Find(CombinedFileName);

    public static string ExpectedLocation =>
        Environment.GetEnvironmentVariable(DataDirectoryVariable) is { Length: > 0 } dir
            ? Path.Combine(dir, CombinedFileName)
            : "../shared/data/cpes/" + CombinedFileName;

    public static string? Find(string fileName)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(DataDirectoryVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            var path = Path.Combine(fromEnvironment, fileName);
            return File.Exists(path) ? path : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LutonCancerSurvey.sln")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data", "cpes", fileName));
                return File.Exists(path) ? path : null;
            }
        }

        return null;
    }
}
