using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Web.Routing;
using Microsoft.AspNetCore.Html;

namespace LutonCancerSurvey.Web.Presentation;

/// <summary>How a succession is put in words, the same on the admin preview, the command line and the pages.</summary>
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

    /// <summary>
    /// The story of what an organisation became, as one sentence with each successor linked: "NHS Luton CCG became
    /// part of NHS Testshire CCG in 2021, which became part of NHS Testshire ICB in 2022."
    /// </summary>
    public static IHtmlContent Chain(IReadOnlyList<SuccessionStep> chain, PageLinks links)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var html = new StringBuilder();
        for (var i = 0; i < chain.Count; i++)
        {
            var step = chain[i];
            html.Append(i == 0 ? Encode(step.Predecessor.Name) + " " : ", which ");
            html.Append(Step(step, links));
        }

        return new HtmlString(html.Append('.').ToString());
    }

    /// <summary>One step with its predecessor linked: "&lt;a&gt;NHS Luton CCG&lt;/a&gt; became part of NHS Testshire CCG in 2021".</summary>
    public static IHtmlContent Linked(SuccessionStep step, PageLinks links)
    {
        ArgumentNullException.ThrowIfNull(step);
        return new HtmlString($"{Link(step.Predecessor, links)} {Step(step, links)}");
    }

    private static string Step(SuccessionStep step, PageLinks links)
    {
        var (before, after) = Verb(step.Kind, step.FromYear, step.Successor is not null);
        var successor = step.Successor is null ? string.Empty : Link(step.Successor, links);
        return Encode(before) + successor + Encode(after ?? string.Empty);
    }

    private static string Link(OrganisationLink organisation, PageLinks links) =>
        $"<a href=\"{Encode(links.Results(organisation.Code))}\">{Encode(organisation.Name)}</a>";

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    /// <summary>
    /// What kinds of organisation one code has been, oldest first, when it has been more than one: "Code 06X was a CCG
    /// (NHS Testbury CCG) in 2015 to 2019 and is a sub-ICB location from 2023." Null when it has always been one kind.
    /// </summary>
    public static string? Kinds(IReadOnlyList<OrganisationFacts> editions)
    {
        ArgumentNullException.ThrowIfNull(editions);
        var runs = new List<(OrganisationLevel Level, int First, int Last, string Name)>();
        foreach (var facts in editions.OrderBy(e => e.Year))
        {
            var level = facts.Organisation.Level;
            if (runs.Count > 0 && runs[^1].Level == level)
            {
                runs[^1] = runs[^1] with { Last = facts.Year, Name = facts.Organisation.Name };
            }
            else
            {
                runs.Add((level, facts.Year, facts.Year, facts.Organisation.Name));
            }
        }

        if (runs.Count < 2)
        {
            return null;
        }

        var code = editions[0].Organisation.Code;
        var earlier = runs.Take(runs.Count - 1).Select(r => $"{WithArticle(r.Level)} ({r.Name}) in {Span(r.First, r.Last)}");
        var now = runs[^1];
        return $"Code {code} was {string.Join(", then ", earlier)}, and is {WithArticle(now.Level)} from {now.First.ToString(CultureInfo.InvariantCulture)}. "
            + "Its trends follow the code; each year's ranks and funnels compare it with organisations of the kind it was that year.";
    }

    private static string Span(int first, int last) => first == last
        ? first.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{first} to {last}");

    private static string WithArticle(OrganisationLevel level) => level switch
    {
        OrganisationLevel.CancerAlliance => "a Cancer Alliance",
        OrganisationLevel.Ccg => "a CCG",
        OrganisationLevel.Region => "an NHS England region",
        OrganisationLevel.Icb => "an Integrated Care Board",
        OrganisationLevel.SubIcb => "a sub-ICB location",
        OrganisationLevel.Trust => "an NHS Trust",
        _ => "national",
    };
}
