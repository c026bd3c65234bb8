namespace LutonCancerSurvey.Core.Import;

/// <summary>
/// Keeps a spreadsheet from running text as a formula (CSV injection). OWASP's advice: a cell that starts with
/// <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, tab or carriage return is written with a single quote in front, which
/// spreadsheets show as text. Applied to text fields only: numbers such as -1.5 are never touched.
/// </summary>
/// <remarks>
/// So that the tidy layout's export, import and export again give the same bytes, the quote is added also in front of
/// text that already starts with quotes followed by one of those characters, and the importer takes exactly one quote
/// off whatever starts with quotes followed by one of them: every stored text comes back as it was.
/// </remarks>
public static class SpreadsheetText
{
    private static readonly System.Buffers.SearchValues<char> Triggers = System.Buffers.SearchValues.Create("=+-@\t\r");

    public static string? Neutralise(string? text) => NeedsQuote(text) ? "'" + text : text;

    public static string Restore(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length > 1 && text[0] == '\'' && NeedsQuote(text.AsSpan(1)) ? text[1..] : text;
    }

    private static bool NeedsQuote(ReadOnlySpan<char> text)
    {
        var start = text.IndexOfAnyExcept('\'');
        return start >= 0 && Triggers.Contains(text[start]);
    }
}
