using LutonCancerSurvey.Core.Tests.RealData;

namespace LutonCancerSurvey.BrowserTests.Support;

/// <summary>Where the browser tests find Chromium and the real data, and why they would skip.</summary>
public static class BrowserRequirements
{
    /// <summary>Debian's Chromium; Playwright drives it instead of downloading a browser of its own.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public const string InstallCommand = "sudo apt-get install chromium";

    public static bool InCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the browser tests cannot run here, or null when they can.</summary>
    public static string? Missing()
    {
        var missing = new List<string>();
        if (!File.Exists(ChromiumPath))
        {
            missing.Add($"Chromium is not installed at {ChromiumPath} (install it with `{InstallCommand}`)");
        }

        if (RealDataFiles.CombinedFile is null)
        {
            missing.Add($"the real CPES data file is not available (needs {RealDataFiles.ExpectedLocation}; "
                + $"set {RealDataFiles.DataDirectoryVariable} to its folder)");
        }

        return missing.Count == 0 ? null : string.Join("; ", missing);
    }

    /// <summary>The skip reason for a user's clone; never a skip in CI (CI=true), where the tests run and fail clearly.</summary>
    public static string? SkipReason => InCi ? null : Missing() is { } why ? $"Browser tests skipped: {why}" : null;
}

/// <summary>A browser test: skipped with the reason and the install command when Chromium or the real data is missing, except in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute() => Skip = BrowserRequirements.SkipReason;
}

/// <summary>A browser theory, skipped on the same terms as <see cref="ChromiumFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChromiumTheoryAttribute : TheoryAttribute
{
    public ChromiumTheoryAttribute() => Skip = BrowserRequirements.SkipReason;
}
