namespace LutonCancerSurvey.Benchmarks;

/// <summary>The real 2018 file, read from CPES_DATA_DIR or ../shared/data/cpes beside the repository (never copied).</summary>
internal static class RealDataFile
{
    public static string Find()
    {
        var directory = Environment.GetEnvironmentVariable("CPES_DATA_DIR")
            ?? Path.Combine(FindRepository(), "..", "shared", "data", "cpes");
        var path = Path.Combine(directory, "cpes-2018-combined.csv.gz");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"the real data file is needed for this benchmark (set CPES_DATA_DIR): {path}");
    }

    private static string FindRepository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LutonCancerSurvey.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
