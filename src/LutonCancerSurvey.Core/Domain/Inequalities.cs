namespace LutonCancerSurvey.Core.Domain;

/// <summary>
/// A gap the survey tests between two groups of one dimension, the group a sentence speaks of first being the subject:
/// women against men, the most deprived areas (IMD 1) against the least deprived (IMD 5), or the pair a file names for
/// another dimension (its <c>compared_with</c>).
/// </summary>
public sealed record GroupComparison(string Dimension, Breakdown Subject, Breakdown Reference)
{
    public static GroupComparison Sex { get; } = new(Breakdown.Sex, Breakdown.Female, Breakdown.Male);

    public static GroupComparison Deprivation { get; } = new(Breakdown.Deprivation, Breakdown.Imd1, Breakdown.Imd5);

    /// <summary>
    /// The comparisons of each dimension the questions have, in the order their groups come: every pair the survey's
    /// tests name where rows say which groups they compared (each age band against the oldest, say: one comparison per
    /// pair, whichever side names it), else the fixed pair of sex and deprivation. A dimension with neither has no
    /// comparison (its groups are shown, and no gap is claimed).
    /// </summary>
    public static IReadOnlyList<GroupComparison> Of(IReadOnlyList<QuestionInequality> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        var groups = questions.SelectMany(q => q.Groups).Where(g => !g.Breakdown.IsAllPatients).OrderBy(g => g.Rank).ToList();
        var comparisons = new List<GroupComparison>();
        foreach (var dimension in groups.Select(g => g.Breakdown.Dimension).Distinct())
        {
            var named = groups
                .Where(g => g.Breakdown.Dimension == dimension && g.ComparedWith is not null)
                .Select(g => new GroupComparison(dimension, g.Breakdown, g.ComparedWith!))
                .DistinctBy(c => PairKey(c.Subject, c.Reference))
                .ToList();
            if (named.Count > 0)
            {
                comparisons.AddRange(named);
            }
            else if (dimension == Breakdown.Sex)
            {
                comparisons.Add(Sex);
            }
            else if (dimension == Breakdown.Deprivation)
            {
                comparisons.Add(Deprivation);
            }
        }

        return comparisons;
    }

    /// <summary>The same two groups whichever side names the other.</summary>
    private static (string, string) PairKey(Breakdown a, Breakdown b)
    {
        var (x, y) = (a.Word.ToUpperInvariant(), b.Word.ToUpperInvariant());
        return string.CompareOrdinal(x, y) <= 0 ? (x, y) : (y, x);
    }
}

/// <summary>
/// One group's figure on a question (all patients, or a group of a dimension), with the published test of the gap the
/// group is one side of and, where the source names it, the group it was compared with; the test is null where the
/// source gives none (the middle quintiles, the all-patients figure, or a file without tests). The rank orders groups
/// across questions: all patients, then each dimension's groups in their stored order.
/// </summary>
public sealed record GroupFigure(Breakdown Breakdown, Figure Figure, bool? GroupDifferenceSignificant, Breakdown? ComparedWith = null, int Rank = 0);

/// <summary>One question's figures for every group the survey publishes, beside the organisation's all-patients figure.</summary>
public sealed record QuestionInequality(QuestionInfo Question, IReadOnlyList<GroupFigure> Groups)
{
    /// <summary>The all-patients figure on the same basis as the groups' (unadjusted).</summary>
    public Figure? Overall => Of(Breakdown.AllPatients);

    public Figure? Of(Breakdown breakdown) => Groups.FirstOrDefault(g => g.Breakdown == breakdown)?.Figure;

    /// <summary>The two groups a comparison's test is about, the group a sentence speaks of first.</summary>
    public static (Breakdown Subject, Breakdown Reference) Sides(GroupComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return (comparison.Subject, comparison.Reference);
    }

    /// <summary>
    /// The survey's test of a comparison: significant, not significant, or null where it gave none. Both sides carry
    /// the same published result (a side that names another group it was compared with carries that pair's); a
    /// suppressed side carries none, and sides that disagree (only possible in a hand-made file) are treated as no test
    /// rather than picking one.
    /// </summary>
    public bool? Test(GroupComparison comparison)
    {
        var (subject, reference) = Sides(comparison);
        // A row that names the group its test compared speaks only of that pair: the oldest band, tested against the
        // youngest, says nothing of its gap to the middle band.
        var results = Groups.Where(g => !g.Figure.IsSuppressed
                && ((g.Breakdown == subject && (g.ComparedWith is null || g.ComparedWith == reference))
                    || (g.Breakdown == reference && (g.ComparedWith is null || g.ComparedWith == subject))))
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
