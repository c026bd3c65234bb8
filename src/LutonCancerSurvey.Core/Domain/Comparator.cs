namespace LutonCancerSurvey.Core.Domain;

/// <summary>
/// Which of another area's figures (England's, an Alliance's) to set beside a result: the same basis where published,
/// otherwise the unadjusted score. Case-mix adjustment is made towards the national population, so the national
/// unadjusted score is its own reference; a trend figure is compared with a trend figure first.
/// </summary>
public static class Comparator
{
    private static readonly ResultBasis[] ForTrend = [ResultBasis.Trend, ResultBasis.Unadjusted, ResultBasis.Adjusted];
    private static readonly ResultBasis[] ForUnadjusted = [ResultBasis.Unadjusted, ResultBasis.Trend, ResultBasis.Adjusted];
    private static readonly ResultBasis[] ForAdjusted = [ResultBasis.Adjusted, ResultBasis.Unadjusted, ResultBasis.Trend];

    /// <summary>The bases to look for, best first, when the result being compared is on <paramref name="basis"/>.</summary>
    public static IReadOnlyList<ResultBasis> Preference(ResultBasis basis) => basis switch
    {
        ResultBasis.Trend => ForTrend,
        ResultBasis.Adjusted => ForAdjusted,
        _ => ForUnadjusted,
    };

    /// <summary>
    /// The one of <paramref name="candidates"/> (another area's figures, at most one a basis) to compare with a result on
    /// <paramref name="basis"/>; default when none of them will do.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static T? Choose<T>(IEnumerable<T> candidates, Func<T, ResultBasis> basisOf, ResultBasis basis)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(basisOf);
        var byBasis = new Dictionary<ResultBasis, T>();
        foreach (var candidate in candidates)
        {
            byBasis.TryAdd(basisOf(candidate), candidate);
        }

        foreach (var preferred in Preference(basis))
        {
            if (byBasis.TryGetValue(preferred, out var found))
            {
                return found;
            }
        }

        return default;
    }

    /// <summary>The figure among <paramref name="figures"/> to compare with a result on <paramref name="basis"/>.</summary>
    public static Figure? Choose(IEnumerable<Figure> figures, ResultBasis basis) => Choose(figures, f => f.Basis, basis);
}

/// <summary>Which figures a trend is drawn from.</summary>
public static class TrendBasis
{
    /// <summary>
    /// A trend compares like with like: for all cancers the year-on-year figures the source publishes for that purpose;
    /// for one tumour group, which has none, the unadjusted scores.
    /// </summary>
    public static ResultBasis For(int tumourGroupId) =>
        tumourGroupId == TumourGroups.AllCancersId ? ResultBasis.Trend : ResultBasis.Unadjusted;
}
