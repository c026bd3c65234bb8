using System.Globalization;

namespace LutonCancerSurvey.Web.Pages.Admin;

/// <summary>A publication change shown for the administrator to confirm: the handler that makes it, and what it does.</summary>
public sealed record PendingChange(int Year, string Handler, string Question, string Consequence);

/// <summary>
/// A publication date and time as typed in the NHS date-input pattern (day, month, year) and hour and minute on the
/// 24-hour clock, in UK time. Each part is kept as typed, so a refused entry is shown again as it was.
/// </summary>
public sealed record ScheduleEntry
{
    public string? Day { get; init; }
    public string? Month { get; init; }
    public string? Year { get; init; }
    public string? Hour { get; init; }
    public string? Minute { get; init; }

    /// <summary>The edition the entry was for; set by the page, not bound from the form.</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinding.BindNever]
    public int Edition { get; init; }

    public const string Example = "for example 13 8 2026";

    /// <summary>The local UK date and time, or why it cannot be read, in the words the NHS pattern uses.</summary>
    public (DateTime? Local, string? Problem) Read()
    {
        var missing = new[] { ("day", Day), ("month", Month), ("year", Year) }
            .Where(p => string.IsNullOrWhiteSpace(p.Item2)).Select(p => p.Item1).ToList();
        if (missing.Count == 3)
        {
            return (null, $"Enter the publication date, {Example}.");
        }

        if (missing.Count > 0)
        {
            return (null, $"The publication date must include a {string.Join(" and ", missing)}.");
        }

        if (!Whole(Day, out var day) || !Whole(Month, out var month) || !Whole(Year, out var year)
            || Year!.Trim().Length != 4 || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return (null, $"The publication date must be a real date, {Example}.");
        }

        if (string.IsNullOrWhiteSpace(Hour) || string.IsNullOrWhiteSpace(Minute))
        {
            return (null, "Enter the hour and minute of publication on the 24-hour clock, for example 9 and 30.");
        }

        if (!Whole(Hour, out var hour) || !Whole(Minute, out var minute) || hour is < 0 or > 23 || minute is < 0 or > 59)
        {
            return (null, "The publication time must be a real time on the 24-hour clock: hour 0 to 23, minute 0 to 59.");
        }

        return (new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified), null);
    }

    private static bool Whole(string? text, out int value) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
