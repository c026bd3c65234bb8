using LutonCancerSurvey.Core.Domain;

namespace LutonCancerSurvey.Core.Tests.Support;

/// <summary>Figures written by hand, with only what a test is about given.</summary>
public static class Figures
{
    public static readonly SourceInfo Source = new("hand-written.csv", TestClock.DefaultNow, 2, null);

    public static Figure Of(
        ResultBasis basis, double? score, int? respondents = 100, int? decimals = null, Band? band = null,
        double? expectedLower = null, double? expectedUpper = null, Suppression suppression = Suppression.None) =>
        new(basis, respondents, score, null, null, expectedLower, expectedUpper, band, null, null, suppression, Source) { Decimals = decimals };
}
