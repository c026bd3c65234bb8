using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Findings;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Queries;

namespace LutonCancerSurvey.Web.Presentation;

/// <summary>
/// One dimension as the inequalities view shows it: its groups, in their stored order, and the survey's comparisons of
/// pairs of them where it published any (one for sex and deprivation; each age band against the oldest, say).
/// </summary>
public sealed record InequalityDimension(string Dimension, IReadOnlyList<Breakdown> Groups, IReadOnlyList<GroupComparison> Comparisons);

/// <summary>How results by group of patients are named on pages and written to the tidy layout.</summary>
public static class InequalityDisplay
{
    /// <summary>Every dimension the questions have, sex and deprivation first, each with its groups in order.</summary>
    public static IReadOnlyList<InequalityDimension> Dimensions(IReadOnlyList<QuestionInequality> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var comparisons = GroupComparison.Of(questions);
        return questions.SelectMany(q => q.Groups)
            .Where(g => !g.Breakdown.IsAllPatients)
            .OrderBy(g => g.Rank)
            .GroupBy(g => g.Breakdown.Dimension)
            .Select(d => new InequalityDimension(
                d.Key,
                d.Select(g => g.Breakdown).Distinct().ToList(),
                comparisons.Where(c => c.Dimension == d.Key).ToList()))
            .ToList();
    }

    public static string Group(Breakdown breakdown)
    {
        ArgumentNullException.ThrowIfNull(breakdown);
        return breakdown switch
        {
            { IsAllPatients: true } => "All patients",
            _ when breakdown == Breakdown.Male => "Men",
            _ when breakdown == Breakdown.Female => "Women",
            _ when breakdown == Breakdown.Imd1 => "IMD 1 (most deprived)",
            _ when breakdown == Breakdown.Imd5 => "IMD 5 (least deprived)",
            { Dimension: Breakdown.Deprivation } => "IMD " + breakdown.Group,
            _ => breakdown.Group,
        };
    }

    /// <summary>The tidy layout's word for a breakdown (all, male, imd1, age:16-24), also the API's.</summary>
    public static string Slug(Breakdown breakdown)
    {
        ArgumentNullException.ThrowIfNull(breakdown);
        return breakdown.Word;
    }

    public static Breakdown? FromSlug(string slug) => Breakdown.TryParse(slug, out var breakdown) ? breakdown : null;

    /// <summary>"By sex", "By ethnic group".</summary>
    public static string Title(string dimension) => "By " + InequalityFindings.DimensionWords(dimension);

    /// <summary>The dimension's code, which its tables' row ids and test ids use (sex-22, ethnic-group-22).</summary>
    public static string Slug(string dimension) => dimension;

    /// <summary>The heading of a comparison's key finding.</summary>
    public static string FindingHeading(GroupComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return comparison == GroupComparison.Sex ? "Men and women"
            : comparison == GroupComparison.Deprivation ? "The most and least deprived areas"
            : $"{Capitalise(InequalityFindings.DimensionWords(comparison.Dimension))}: {comparison.Subject.Group} and {comparison.Reference.Group}";
    }

    /// <summary>The survey's test of one question's gap, as published; never a claim where it gave no test.</summary>
    public static string Test(bool? significant) => significant switch
    {
        true => "Significant difference",
        false => "No significant difference",
        _ => "No test published",
    };

    public static string TestHeading(GroupComparison? comparison) =>
        comparison is null ? "The survey's test"
        : comparison == GroupComparison.Sex ? "The survey's test (men against women)"
        : comparison == GroupComparison.Deprivation ? "The survey's test (IMD 1 against IMD 5)"
        : $"The survey's test ({comparison.Subject.Group} against {comparison.Reference.Group})";

    /// <summary>The column heading of a comparison's gap, saying which way round it is taken.</summary>
    public static string GapHeading(GroupComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return comparison == GroupComparison.Sex ? "Difference (women − men)"
            : comparison == GroupComparison.Deprivation ? "Difference (IMD 1 − IMD 5)"
            : $"Difference ({comparison.Subject.Group} − {comparison.Reference.Group})";
    }

    /// <summary>
    /// The organisation's rows of every breakdown in the tidy layout, all-patients first, then each dimension's groups in
    /// order, each with the survey's test as published and the group it compared, so that a download imported again and
    /// exported gives the same bytes.
    /// </summary>
    public static IReadOnlyList<TidyRow> Rows(OrganisationSummary organisation, int year, IReadOnlyList<QuestionInequality> questions)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(questions);
        var tumour = TumourGroups.NameOf(TumourGroups.AllCancersId);
        return questions
            .SelectMany(q => q.Groups.Select(g => (q.Question, Group: g)))
            .OrderBy(r => r.Group.Rank)
            .ThenBy(r => r.Question.Number)
            .Select(r => ResultsExport.Row(organisation, year, tumour, r.Question, r.Group.Figure) with
            {
                Breakdown = r.Group.Breakdown,
                GroupDifferenceSignificant = r.Group.GroupDifferenceSignificant,
                ComparedWith = r.Group.ComparedWith,
            })
            .ToList();
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
