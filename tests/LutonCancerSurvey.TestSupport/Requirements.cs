namespace LutonCancerSurvey.TestSupport;

/// <summary>What a test needs beyond the repository, each of which a user's clone may lack.</summary>
[Flags]
public enum Needs
{
    /// <summary>The real CPES file in ../shared/data/cpes (or $CPES_DATA_DIR).</summary>
    RealData = 1,

    /// <summary>Debian's Chromium at /usr/bin/chromium.</summary>
    Chromium = 2,

    /// <summary>Node.js and the OpenID Connect provider's package (tests/oidc-provider).</summary>
    OidcProvider = 4,
}

/// <summary>
/// The one rule for tests that need what a clone may lack: on a user's clone they are skipped, with what is missing and
/// how to get it; in CI (CI=true) they always run, so a missing browser or file fails clearly instead of passing
/// silently, and .ci/run fails any skip that remains.
/// </summary>
public static class Requirements
{
    /// <summary>Debian's Chromium; Playwright drives it instead of downloading a browser of its own.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    public const string ChromiumInstallCommand = "sudo apt-get install chromium";

    public static bool InCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>What of <paramref name="needs"/> is missing here and how to get it, or null when nothing is.</summary>
    public static string? Missing(Needs needs)
    {
        var missing = new List<string>();
        if (needs.HasFlag(Needs.Chromium) && !File.Exists(ChromiumPath))
        {
            missing.Add($"Chromium is not installed at {ChromiumPath} (install it with `{ChromiumInstallCommand}`)");
        }

        if (needs.HasFlag(Needs.RealData) && RealDataFiles.CombinedFile is null)
        {
            missing.Add($"the real CPES data file is not available (needs {RealDataFiles.ExpectedLocation}; "
                + $"set {RealDataFiles.DataDirectoryVariable} to its folder)");
        }

        if (needs.HasFlag(Needs.OidcProvider) && OidcRequirements.Missing() is { } noProvider)
        {
            missing.Add($"the OpenID Connect provider cannot run: {noProvider}");
        }

        return missing.Count == 0 ? null : string.Join("; ", missing);
    }

    /// <summary>Why a test needing <paramref name="needs"/> is skipped here; never a skip in CI.</summary>
    public static string? SkipReason(Needs needs) =>
        InCi ? null : Missing(needs) is { } why ? $"Skipped: {why}" : null;
}

/// <summary>A fact that needs what a clone may lack: skipped with the reason when it is missing, except in CI.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresFactAttribute : FactAttribute
{
    public RequiresFactAttribute(Needs needs) => Skip = Requirements.SkipReason(needs);
}

/// <summary>A theory that needs what a clone may lack, skipped on the same terms as <see cref="RequiresFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RequiresTheoryAttribute : TheoryAttribute
{
    public RequiresTheoryAttribute(Needs needs) => Skip = Requirements.SkipReason(needs);
}
