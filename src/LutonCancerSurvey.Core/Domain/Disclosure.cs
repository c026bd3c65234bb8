using System.Globalization;

namespace LutonCancerSurvey.Core.Domain;

/// <summary>The survey's disclosure control, in one place so every surface applies the same rule.</summary>
public static class Disclosure
{
    /// <summary>A result based on fewer respondents than this is never shown as a number, anywhere.</summary>
    public const int MinimumRespondents = 21;

    /// <summary>The rule in words, e.g. "fewer than 21 respondents", for every sentence that states it.</summary>
    public static readonly string FewerThanMinimum =
        string.Create(CultureInfo.InvariantCulture, $"fewer than {MinimumRespondents} respondents");
}
