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

    /// <summary>The most a file may hold once decompressed (a plain file: its size); more is refused unread.</summary>
    public long MaxDecompressedBytes { get; init; } = ImportLimits.DefaultMaxDecompressedBytes;

    /// <summary>The sheet of a workbook to read; the first when not given.</summary>
    public string? Sheet { get; init; }

    /// <summary>The workbook row that holds the header; found by looking when not given.</summary>
    public int? HeaderRow { get; init; }

    /// <summary>
    /// The layout to read the file with, for a file the product does not know; without it a layout saved for the
    /// file's header is used, if there is one.
    /// </summary>
    public LayoutDefinition? Layout { get; init; }

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
    bool DryRun)
{
    /// <summary>What was left out of a workbook's sheet around the table (titles, footnotes), for the preview to say.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>The sheet read, for a workbook.</summary>
    public string? Sheet { get; init; }
}

public sealed record ImportOutcome(
    ImportSummary? Summary, IReadOnlyList<ImportError> Errors, int ErrorCount, IReadOnlyList<ImportErrorGroup>? Groups = null)
{
    public bool Succeeded => ErrorCount == 0 && Summary is not null;

    /// <summary>
    /// The errors as a person reads them: every row failing for the same reason in the same column is one entry
    /// with its count and line ranges, while distinct errors keep their own line and column. In file order.
    /// </summary>
    public IReadOnlyList<ImportErrorGroup> Grouped =>
        Groups ?? Errors.Select(e => new ImportErrorGroup(e.Column, e.Message, 1, [(e.Line, e.Line)], false)).ToList();

    /// <summary>How many errors <see cref="Grouped"/> leaves out (kinds beyond the listed ones).</summary>
    public int ErrorsNotGrouped => ErrorCount - Grouped.Sum(g => g.Rows);
}

/// <summary>One reason for failing and the rows that fail for it: lines as ascending ranges, the first few listed.</summary>
public sealed record ImportErrorGroup(
    string? Column, string Message, int Rows, IReadOnlyList<(int First, int Last)> Lines, bool MoreLines)
{
    /// <summary>The sheet of a workbook the rows are on, and the column's letters there; null for a CSV file.</summary>
    public string? Sheet { get; init; }

    public string? ColumnLetters { get; init; }

    public override string ToString()
    {
        if (Rows == 1)
        {
            return new ImportError(Lines[0].First, Column, Message) { Sheet = Sheet, ColumnLetters = ColumnLetters }.ToString();
        }

        var culture = System.Globalization.CultureInfo.InvariantCulture;
        var lines = string.Join(", ", Lines.Select(r => r.First == r.Last
            ? r.First.ToString("N0", culture)
            : r.First.ToString("N0", culture) + "\u2013" + r.Last.ToString("N0", culture)));
        var column = Column is null ? string.Empty : $" (column '{Column}')";
        var where = Sheet is null ? "lines" : $"sheet {Sheet}, rows";
        return string.Create(culture, $"{Rows:N0} rows: {Message}{column}, {where} {lines}{(MoreLines ? ", \u2026" : string.Empty)}");
    }
}
