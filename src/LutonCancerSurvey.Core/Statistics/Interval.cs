namespace LutonCancerSurvey.Core.Statistics;

/// <summary>
/// A closed range of scores (a confidence interval, an expected range or a pair of control limits), in the same
/// unit as the score it belongs to, so that pages can show and compare them without knowing how they were made.
/// </summary>
public readonly record struct Interval(double Lower, double Upper)
{
    /// <summary>True when <paramref name="value"/> lies inside the range, its bounds included.</summary>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
