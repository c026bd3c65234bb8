using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Formatting;

namespace LutonCancerSurvey.Core.Findings;

/// <summary>
/// One question on which the survey's test found a significant gap, with the sentence that states its direction. The
/// size ranks gaps on a common scale: percentage points, or the 0-10 rating's difference × 10.
/// </summary>
public sealed record GapFinding(QuestionInfo Question, double? SubjectScore, double? ReferenceScore, double Size, string Sentence, int? Decimals = null);

/// <summary>
/// What the survey's test found for one comparison (men and women, the most and least deprived areas, or the groups of
/// another dimension its test compared): how many
/// questions it tested, how many gaps it found significant, a summary paragraph, and every significant gap, largest first.
/// </summary>
public sealed record InequalityFinding(
    GroupComparison Comparison, int Tested, int Significant, string Summary, IReadOnlyList<GapFinding> Gaps);

/// <summary>
/// Writes the key findings on inequalities from the survey's own tests only: a gap is called significant only where
/// the survey's test says so, its direction is stated only where the published figures differ once rounded, and
/// nothing is said of a question the survey did not test or whose figures are not shown.
/// </summary>
public static class InequalityFindings
{
    /// <summary>How many of the largest gaps the summary names; the rest are listed after it.</summary>
    public const int GapsInSummary = 3;

    public static IReadOnlyList<InequalityFinding> Write(string organisationName, int year, IReadOnlyList<QuestionInequality> questions)
    {
        ArgumentNullException.ThrowIfNull(organisationName);
        ArgumentNullException.ThrowIfNull(questions);
        return GroupComparison.Of(questions).Select(c => Write(c, organisationName, year, questions)).ToList();
    }

    /// <summary>
    /// The level the survey's group tests are taken at: a two-sided test at 5 % marks about one gap in 20 significant by
    /// chance alone where there is no real difference.
    /// </summary>
    public const double TestLevel = 0.05;

    /// <summary>
    /// What a reader must know before reading any gap: the groups are compared unadjusted, so a gap may come from who the
    /// patients are rather than their care; and with many tests some are significant by chance alone (said only where
    /// the survey tested something).
    /// </summary>
    public static string Caveat(IReadOnlyList<InequalityFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        const string unadjusted = "These gaps are unadjusted: they compare groups of patients as they are, not as if they had the same tumour types, "
            + "ages and other characteristics, so a gap may reflect who the patients are rather than the care they were given.";
        var tested = findings.Sum(f => f.Tested);
        if (tested == 0)
        {
            return unadjusted;
        }

        var significant = findings.Sum(f => f.Significant);
        var byChance = tested * TestLevel;
        var expected = byChance < 1
            ? "fewer than one"
            : "about " + Format.Number(Math.Round(byChance, MidpointRounding.AwayFromZero), 0);
        return unadjusted
            + $" The survey tested {FindingText.Count(tested, "gap", "gaps")} here and found {FindingText.Count(significant)} significant. "
            + "At the usual 5 % level, chance alone marks about one gap in 20 significant where there is no real difference, "
            + $"so {expected} of these {FindingText.Count(tested)} would be expected to be significant by chance alone; "
            + "the gaps are not corrected for the number of tests.";
    }

    /// <summary>"between men and women", "between the most and least deprived areas (IMD 1 and 5)".</summary>
    public static string Between(GroupComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        if (comparison == GroupComparison.Sex)
        {
            return "between men and women";
        }

        if (comparison == GroupComparison.Deprivation)
        {
            return "between patients from the most and least deprived areas (IMD quintiles 1 and 5)";
        }

        var (subject, reference) = Words(comparison);
        return $"between {subject} and {reference}";
    }

    /// <summary>
    /// The largest significant gaps whatever the dimension, when the survey found significant gaps in more than one (null
    /// otherwise: each dimension's own summary already names its largest).
    /// </summary>
    public static string? Largest(IReadOnlyList<InequalityFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (findings.Count(f => f.Significant > 0) < 2)
        {
            return null;
        }

        var largest = findings
            .SelectMany(f => f.Gaps.Where(g => g.Size > 0).Select(g => (f.Comparison, Gap: g)))
            .OrderByDescending(x => x.Gap.Size)
            .ThenBy(x => x.Gap.Question.Number)
            .Take(GapsInSummary)
            .Select(x => $"{Between(x.Comparison)}, {x.Gap.Sentence}")
            .ToList();
        return largest.Count == 0 ? null : "Across every group the survey tested, the largest significant gaps: " + string.Join("; ", largest) + ".";
    }

    /// <summary>A dimension's code as words: ethnic-group → ethnic group.</summary>
    public static string DimensionWords(string dimension)
    {
        ArgumentNullException.ThrowIfNull(dimension);
        return dimension.Replace('-', ' ');
    }

    private static InequalityFinding Write(GroupComparison comparison, string name, int year, IReadOnlyList<QuestionInequality> questions)
    {
        var tested = questions.Where(q => q.Test(comparison) is not null).ToList();
        var gaps = tested.Where(q => q.Test(comparison) == true)
            .Select(q => Gap(q, comparison))
            .OrderByDescending(g => g.Size)
            .ThenBy(g => g.Question.Number)
            .ToList();
        var where = $"for {name} in {FindingText.Year(year)}";
        string summary;
        if (tested.Count == 0)
        {
            summary = $"The survey published no test of the difference {Between(comparison)} {where}, so no difference is claimed.";
        }
        else if (gaps.Count == 0)
        {
            summary = $"The survey's test found no significant difference {Between(comparison)} on any of the {Questions(tested.Count)} it tested {where}.";
        }
        else
        {
            var (subject, reference) = Words(comparison);
            var higher = gaps.Count(g => g.SubjectScore > g.ReferenceScore && !RoundsEqual(g));
            var lower = gaps.Count(g => g.SubjectScore < g.ReferenceScore && !RoundsEqual(g));
            var undirected = gaps.Count - higher - lower;
            var directions = $"{subject} answered more positively than {reference} on {FindingText.Count(higher)} and less positively on {FindingText.Count(lower)}"
                + (undirected > 0 ? $"; on {FindingText.Count(undirected)} the published figures are equal once rounded or not shown, so no direction is stated" : string.Empty);
            var largest = gaps.Take(GapsInSummary).Select(g => g.Sentence).ToList();
            summary = $"The survey's test found a significant difference {Between(comparison)} on {FindingText.Count(gaps.Count)} of the {Questions(tested.Count)} it tested {where}: "
                + directions + ". "
                + (gaps.Count == 1 ? "It was that " : gaps.Count <= GapsInSummary ? "Largest first: " : $"The {FindingText.Count(largest.Count)} largest: ")
                + string.Join("; ", largest) + ".";
        }

        return new InequalityFinding(comparison, tested.Count, gaps.Count, summary, gaps);
    }

    private static GapFinding Gap(QuestionInequality question, GroupComparison comparison)
    {
        var (subjectGroup, referenceGroup) = QuestionInequality.Sides(comparison);
        var subjectScore = question.Of(subjectGroup) is { IsSuppressed: false, Score: { } s } ? s : (double?)null;
        var referenceScore = question.Of(referenceGroup) is { IsSuppressed: false, Score: { } r } ? r : (double?)null;
        var scoring = question.Question.Scoring;
        var named = FindingText.QuestionName(question.Question);
        var (subject, reference) = Words(comparison);
        if (subjectScore is not { } a || referenceScore is not { } b)
        {
            return new GapFinding(question.Question, subjectScore, referenceScore, 0,
                $"on {named}, the survey's test found a significant difference, but a group's figure is not shown, so no direction is stated");
        }

        var size = Math.Abs(a - b) * (scoring == Scoring.MeanOutOfTen ? 10 : 1);
        var decimals = GapDecimals(question, comparison);
        var figures = $"({FindingText.Score(a, decimals, scoring)} against {FindingText.Score(b, decimals, scoring)})";
        if (string.Equals(FindingText.Score(a, decimals, scoring), FindingText.Score(b, decimals, scoring), StringComparison.Ordinal))
        {
            return new GapFinding(question.Question, a, b, size,
                $"on {named}, the survey's test found a significant difference, but the published figures are equal once rounded {figures}, so no direction is stated",
                decimals);
        }

        var sentence = scoring == Scoring.MeanOutOfTen
            ? $"on {named}, {subject} gave a {(a > b ? "higher" : "lower")} rating than {reference} {figures}"
            : $"on {named}, {subject} were {(a > b ? "more" : "less")} likely than {reference} to answer positively {figures}";
        return new GapFinding(question.Question, a, b, size, sentence, decimals);
    }

    /// <summary>The places a gap between two groups is written with: those of the more precise side, as published.</summary>
    public static int GapDecimals(QuestionInequality question, GroupComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(question);
        var (subject, reference) = QuestionInequality.Sides(comparison);
        var scoring = question.Question.Scoring;
        return Math.Max(Format.DecimalsOf(question.Of(subject)?.Decimals, scoring), Format.DecimalsOf(question.Of(reference)?.Decimals, scoring));
    }

    private static bool RoundsEqual(GapFinding gap) =>
        gap.SubjectScore is not { } a || gap.ReferenceScore is not { } b
        || string.Equals(FindingText.Score(a, gap.Decimals, gap.Question.Scoring), FindingText.Score(b, gap.Decimals, gap.Question.Scoring), StringComparison.Ordinal);

    private static (string Subject, string Reference) Words(GroupComparison comparison) =>
        comparison == GroupComparison.Sex ? ("women", "men")
        : comparison == GroupComparison.Deprivation ? ("patients from the most deprived areas", "those from the least deprived areas")
        : ($"patients in “{comparison.Subject.Group}” ({DimensionWords(comparison.Dimension)})", $"those in “{comparison.Reference.Group}”");

    private static string Questions(int count) => FindingText.Count(count, "question", "questions");
}
