using System.Globalization;
using System.Text;

namespace LutonCancerSurvey.Core.Queries;

/// <summary>
/// How the finder compares a search with a name: people type "guys" or "Guy’s" (a curly apostrophe from a phone) for
/// "GUY'S AND ST THOMAS'", so case, accents and punctuation do not count and runs of spaces are one space.
/// </summary>
public static class SearchText
{
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue; // the accent of an é, so "Saint-Étienne" is found by "saint etienne"
            }

            if (char.IsLetterOrDigit(c))
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '/' or '&' or ',' or '.' or '(' or ')')
            {
                pendingSpace = true; // separates words: "Luton-Dunstable" is "luton dunstable"
            }

            // Any other punctuation (apostrophes straight or curly, quotes) is dropped: "Guy's" is "guys".
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="name"/> contains the search, as the finder compares them.</summary>
    public static bool Matches(string name, string normalisedSearch) =>
        normalisedSearch.Length > 0 && Normalise(name).Contains(normalisedSearch, StringComparison.Ordinal);
}
