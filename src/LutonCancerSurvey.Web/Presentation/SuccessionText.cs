using System.Globalization;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Import;

namespace LutonCancerSurvey.Web.Presentation;

/// <summary>How a succession is put in words, the same on the admin preview and the command line.</summary>
public static class SuccessionText
{
    /// <summary>
    /// What a step says after the organisation's name, around the successor's name (a link on pages): "became part
    /// of X in 2021", "became X in 2023", "was abolished in 2022; X took over its work", "was abolished in 2022".
    /// </summary>
    public static (string Before, string? After) Verb(SuccessionKind kind, int year, bool hasSuccessor)
    {
        var y = year.ToString(CultureInfo.InvariantCulture);
        return kind switch
        {
            SuccessionKind.Merged => ("became part of ", $" in {y}"),
            SuccessionKind.Renamed => ("became ", $" in {y}"),
            _ when hasSuccessor => ($"was abolished in {y}; ", " took over its work"),
            _ => ($"was abolished in {y}", null),
        };
    }

    /// <summary>A lookup row in words, with codes, for the preview and the command line.</summary>
    public static string Describe(SuccessionChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        var (before, after) = Verb(change.Kind, change.FromYear, change.SuccessorCode is not null);
        var successor = change.SuccessorCode is null ? string.Empty : $"{change.SuccessorName} ({change.SuccessorCode})";
        return $"{change.PredecessorName} ({change.PredecessorCode}) {before}{successor}{after}";
    }
}
