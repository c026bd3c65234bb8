namespace LutonCancerSurvey.Core.Domain;

/// <summary>
/// What an organisation code may be: the NHS's ODS codes (RC9, 06P, QHG) and the ONS codes of areas (E92000001) are
/// capital letters and digits. Anything else in a file is a mistake, and anything else in an address is no
/// organisation.
/// </summary>
public static class OrganisationCodes
{
    public const int MaxLength = 16;

    public const string Rule = "capital letters and digits only, at most 16 (such as RC9, 06P or E92000001)";

    /// <summary>Whether a code may be stored as it is written.</summary>
    public static bool IsValid(string? code) =>
        code is { Length: > 0 and <= MaxLength } && code.All(c => c is (>= 'A' and <= 'Z') or (>= '0' and <= '9'));

    /// <summary>Whether an address could name an organisation: as <see cref="IsValid"/>, in either case.</summary>
    public static bool CouldName(string? code) =>
        code is { Length: > 0 and <= MaxLength } && code.All(char.IsAsciiLetterOrDigit);
}
