using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Export;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Queries;

namespace LutonCancerSurvey.Web.Presentation;

/// <summary>How the results by sex and deprivation are named on pages and written to the tidy layout.</summary>
public static class InequalityDisplay
{
    /// <summary>The groups each comparison's table and chart show, after the all-patients figure.</summary>
    public static IReadOnlyList<Breakdown> GroupsOf(GroupComparison comparison) => comparison == GroupComparison.Sex
        ? QuestionInequality.SexGroups
        : QuestionInequality.DeprivationGroups;

    public static string Group(Breakdown breakdown) => breakdown switch
    {
        Breakdown.AllPatients => "All patients",
        Breakdown.Male => "Men",
        Breakdown.Female => "Women",
        Breakdown.Imd1 => "IMD 1 (most deprived)",
        Breakdown.Imd2 => "IMD 2",
        Breakdown.Imd3 => "IMD 3",
        Breakdown.Imd4 => "IMD 4",
        _ => "IMD 5 (least deprived)",
    };

    /// <summary>The tidy layout's word for a breakdown (all, male, female, imd1 … imd5), also the API's.</summary>
    public static string Slug(Breakdown breakdown) => Vocabulary.BreakdownWords[breakdown];

    public static Breakdown? FromSlug(string slug) =>
        Vocabulary.Reverse(Vocabulary.BreakdownWords).TryGetValue(slug.Trim(), out var breakdown) ? breakdown : null;

    public static string Title(GroupComparison comparison) => comparison == GroupComparison.Sex ? "By sex" : "By deprivation";

    public static string Slug(GroupComparison comparison) => comparison == GroupComparison.Sex ? "sex" : "deprivation";

    /// <summary>The survey's test of one question's gap, as published; never a claim where it gave no test.</summary>
    public static string Test(bool? significant) => significant switch
    {
        true => "Significant difference",
        false => "No significant difference",
        _ => "No test published",
    };

    public static string TestHeading(GroupComparison comparison) => comparison == GroupComparison.Sex
        ? "The survey's test (men against women)"
        : "The survey's test (IMD 1 against IMD 5)";

    /// <summary>The column heading of a comparison's gap, saying which way round it is taken.</summary>
    public static string GapHeading(GroupComparison comparison) => comparison == GroupComparison.Sex
        ? "Difference (women − men)"
        : "Difference (IMD 1 − IMD 5)";

    /// <summary>
    /// The organisation's rows of every breakdown in the tidy layout, all-patients first, each with the survey's test as
    /// published, so that a download imported again and exported gives the same bytes.
    /// </summary>
    public static IReadOnlyList<TidyRow> Rows(OrganisationSummary organisation, int year, IReadOnlyList<QuestionInequality> questions)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(questions);
        var tumour = TumourGroups.NameOf(TumourGroups.AllCancersId);
        return questions
            .SelectMany(q => q.Groups.Select(g => (q.Question, Group: g)))
            .OrderBy(r => r.Group.Breakdown)
            .ThenBy(r => r.Question.Number)
            .Select(r => ResultsExport.Row(organisation, year, tumour, r.Question, r.Group.Figure) with
            {
                Breakdown = r.Group.Breakdown,
                GroupDifferenceSignificant = r.Group.GroupDifferenceSignificant,
            })
            .ToList();
    }
}
