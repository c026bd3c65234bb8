using LutonCancerSurvey.Core.Findings;

namespace LutonCancerSurvey.Web.Presentation;

/// <summary>
/// The key findings for one organisation and edition, numbered for their footnotes, as the overview, the results page
/// and the briefing show them.
/// </summary>
public sealed record KeyFindingsView(string OrganisationCode, int Year, int? PreviousYear, IReadOnlyList<Finding> Findings)
{
    /// <summary>Whether the partial shows its own "Key findings" heading (the briefing has the page heading instead).</summary>
    public bool ShowTitle { get; init; } = true;

    /// <summary>Whether the partial lists the numbered evidence under the findings (the briefing puts them after its table).</summary>
    public bool IncludeNotes { get; init; } = true;

    /// <summary>The findings under their headings, in the order a briefing reads, each with its footnote number.</summary>
    public IEnumerable<(string Heading, IReadOnlyList<(int Number, Finding Finding)> Findings)> Groups =>
        Findings.Select((f, i) => (Number: i + 1, Finding: f))
            .GroupBy(f => GroupOf(f.Finding.Kind))
            .OrderBy(g => g.Key)
            .Select(g => (Heading(g.Key), (IReadOnlyList<(int, Finding)>)g.ToList()));

    public IEnumerable<(int Number, Finding Finding)> Numbered => Findings.Select((f, i) => (i + 1, f));

    public static string EvidenceText(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return string.Join(" ", finding.Evidence.Select(e => e.Text));
    }

    public static string KindSlug(FindingKind kind) => kind switch
    {
        FindingKind.OverallAgainstEngland => "overall-england",
        FindingKind.OverallAgainstAlliance => "overall-alliance",
        FindingKind.ExpectedRangeSummary => "expected-summary",
        FindingKind.AboveExpected => "above-expected",
        FindingKind.BelowExpected => "below-expected",
        FindingKind.ChangeSummary => "change-summary",
        FindingKind.Change => "change",
        FindingKind.TumourGroup => "tumour-group",
        _ => "tumour-summary",
    };

    public static string VerdictSlug(Verdict verdict) => verdict switch
    {
        Verdict.SignificantlyHigher => "significantly-higher",
        Verdict.SignificantlyLower => "significantly-lower",
        Verdict.HigherNotSignificant => "higher-not-significant",
        Verdict.LowerNotSignificant => "lower-not-significant",
        Verdict.Similar => "similar",
        Verdict.HigherUntested => "higher-untested",
        Verdict.LowerUntested => "lower-untested",
        Verdict.NotCompared => "not-compared",
        _ => "summary",
    };

    private static int GroupOf(FindingKind kind) => kind switch
    {
        FindingKind.OverallAgainstEngland or FindingKind.OverallAgainstAlliance => 0,
        FindingKind.ExpectedRangeSummary or FindingKind.AboveExpected or FindingKind.BelowExpected => 1,
        FindingKind.ChangeSummary or FindingKind.Change => 2,
        _ => 3,
    };

    private string Heading(int group) => group switch
    {
        0 => "Overall rating of care",
        1 => "Against the expected range",
        2 => PreviousYear is { } previous && previous == Year - 1 ? $"Changes since {previous}" : "Changes since the previous survey",
        _ => "Tumour groups",
    };
}
