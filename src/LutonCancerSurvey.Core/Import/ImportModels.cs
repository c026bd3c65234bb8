using LutonCancerSurvey.Core.Domain;

namespace LutonCancerSurvey.Core.Import;

public sealed record ImportOptions
{
    /// <summary>Publish every edition the file touches once it is imported.</summary>
    public bool Publish { get; init; }

    /// <summary>How many errors to list; the rest are counted.</summary>
    public int MaxErrorsListed { get; init; } = 20;
}

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
    TimeSpan Elapsed);

public sealed record ImportOutcome(ImportSummary? Summary, IReadOnlyList<ImportError> Errors, int ErrorCount)
{
    public bool Succeeded => ErrorCount == 0 && Summary is not null;
}
