using LutonCancerSurvey.Core.Domain;

namespace LutonCancerSurvey.Core.Import;

public sealed record ImportOptions
{
    /// <summary>Publish every edition the file touches once it is imported.</summary>
    public bool Publish { get; init; }

    /// <summary>How many errors to list; the rest are counted.</summary>
    public int MaxErrorsListed { get; init; } = 20;

    /// <summary>Check and count everything, then roll back: the preview an administrator confirms.</summary>
    public bool DryRun { get; init; }

    /// <summary>Who imports, for the audit log.</summary>
    public string Actor { get; init; } = "command line";
}

/// <summary>Rows added and replaced for one edition, level and basis: what a preview shows before anything is written.</summary>
public sealed record ImportBreakdown(int Year, OrganisationLevel Level, ResultBasis Basis, long Added, long Replaced);

public sealed record ImportProgress(long Rows, double RowsPerSecond);

public sealed record EditionTouched(int Year, EditionStatus Status, bool WasPublishedBefore);

public sealed record ImportSummary(
    string FileName,
    string Sha256,
    string Layout,
    long Rows,
    long Added,
    long Replaced,
    long Suppressed,
    IReadOnlyDictionary<(OrganisationLevel Level, ResultBasis Basis), long> RowsByLevelAndBasis,
    IReadOnlyList<EditionTouched> Editions,
    IReadOnlyList<string> Warnings,
    TimeSpan Elapsed,
    IReadOnlyList<ImportBreakdown> Breakdown,
    bool DryRun);

public sealed record ImportOutcome(ImportSummary? Summary, IReadOnlyList<ImportError> Errors, int ErrorCount)
{
    public bool Succeeded => ErrorCount == 0 && Summary is not null;
}
