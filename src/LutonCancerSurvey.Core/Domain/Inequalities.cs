namespace LutonCancerSurvey.Core.Domain;

/// <summary>
/// The two comparisons the survey tests between groups of patients: men against women, and the most deprived fifth
/// of areas (IMD quintile 1) against the least deprived (quintile 5).
/// </summary>
public enum GroupComparison
{
    Sex,
    Deprivation,
}

/// <summary>
/// One group's figure on a question (all patients, men, women or a deprivation quintile), with the published test of
/// the gap the group is one side of (male against female, IMD 1 against 5); the test is null where the source gives
/// none (the middle quintiles, the all-patients figure, or a file without tests).
/// </summary>
public sealed record GroupFigure(Breakdown Breakdown, Figure Figure, bool? GroupDifferenceSignificant);

/// <summary>One question's figures for every group the survey publishes, beside the organisation's all-patients figure.</summary>
public sealed record QuestionInequality(QuestionInfo Question, IReadOnlyList<GroupFigure> Groups)
{
    public static IReadOnlyList<Breakdown> SexGroups { get; } = [Breakdown.Male, Breakdown.Female];

    public static IReadOnlyList<Breakdown> DeprivationGroups { get; } =
        [Breakdown.Imd1, Breakdown.Imd2, Breakdown.Imd3, Breakdown.Imd4, Breakdown.Imd5];

    /// <summary>The all-patients figure on the same basis as the groups' (unadjusted).</summary>
    public Figure? Overall => Of(Breakdown.AllPatients);

    public Figure? Of(Breakdown breakdown) => Groups.FirstOrDefault(g => g.Breakdown == breakdown)?.Figure;

    /// <summary>
    /// The two groups a comparison's test is about, the group a sentence speaks of first: women against men, the most
    /// deprived areas (IMD 1) against the least deprived (IMD 5).
    /// </summary>
    public static (Breakdown Subject, Breakdown Reference) Sides(GroupComparison comparison) => comparison == GroupComparison.Sex
        ? (Breakdown.Female, Breakdown.Male)
        : (Breakdown.Imd1, Breakdown.Imd5);

    /// <summary>
    /// The survey's test of a comparison: significant, not significant, or null where it gave none. Both sides carry
    /// the same published result; a suppressed side carries none, and sides that disagree (only possible in a hand-made
    /// file) are treated as no test rather than picking one.
    /// </summary>
    public bool? Test(GroupComparison comparison)
    {
        var (subject, reference) = Sides(comparison);
        var results = Groups.Where(g => (g.Breakdown == subject || g.Breakdown == reference) && !g.Figure.IsSuppressed)
            .Select(g => g.GroupDifferenceSignificant)
            .Where(t => t is not null)
            .Distinct()
            .ToList();
        return results.Count == 1 ? results[0] : null;
    }

    /// <summary>The subject's score minus the reference's (women − men, IMD 1 − IMD 5), when both are shown.</summary>
    public double? Gap(GroupComparison comparison)
    {
        var (subject, reference) = Sides(comparison);
        return Of(subject) is { IsSuppressed: false, Score: { } a } && Of(reference) is { IsSuppressed: false, Score: { } b } ? a - b : null;
    }
}
