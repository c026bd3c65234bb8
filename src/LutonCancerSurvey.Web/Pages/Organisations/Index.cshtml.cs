using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Web.Presentation;
using LutonCancerSurvey.Web.Routing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LutonCancerSurvey.Web.Pages.Organisations;

/// <summary>Find an organisation by name or code, a former one too, and see what became of one that no longer reports.</summary>
public class IndexModel(OrganisationFinderQuery finder, SuccessionsQuery successions, PageLinks links) : PageModel
{
    public const int MaxResults = 50;
    public const int MaxQueryLength = 100;

    private static readonly Dictionary<string, OrganisationLevel> Levels = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ccg"] = OrganisationLevel.Ccg,
        ["trust"] = OrganisationLevel.Trust,
        ["cancer-alliance"] = OrganisationLevel.CancerAlliance,
        ["region"] = OrganisationLevel.Region,
        ["icb"] = OrganisationLevel.Icb,
        ["sub-icb"] = OrganisationLevel.SubIcb,
    };

    [FromQuery(Name = QueryNames.Search)]
    public string? Query { get; set; }

    [FromQuery(Name = QueryNames.Level)]
    public string? LevelText { get; set; }

    /// <summary>The codes of a comparison being built, carried through a search so "Add to comparison" adds to it.</summary>
    [FromQuery(Name = QueryNames.Compare)]
    public string? CompareText { get; set; }

    public IReadOnlyList<string> Comparing => Compare.IndexModel.CodesIn(CompareText)
        .Take(Compare.IndexModel.MaxOrganisations - 1)
        .ToList();

    /// <summary>The comparison with this organisation added to those already chosen.</summary>
    public string CompareLink(string code) =>
        links.Compare(Comparing.Where(c => !string.Equals(c, code, StringComparison.OrdinalIgnoreCase)).Append(code));

    public OrganisationLevel? Level { get; private set; }
    public FilterError? Problem { get; private set; }
    public IReadOnlyList<OrganisationSummary> Found { get; private set; } = [];

    /// <summary>What became of the organisations found, so one found by a former name or code says what it is now.</summary>
    public SuccessionMap Successions { get; private set; } = SuccessionMap.Empty;
    public bool Searched => !string.IsNullOrWhiteSpace(Query) || Level is not null;

    public static IEnumerable<(string Value, string Label)> LevelChoices =>
        [("", "All types"), ("region", "NHS England regions"), ("cancer-alliance", "Cancer Alliances"), ("icb", "Integrated Care Boards"),
            ("sub-icb", "Sub-ICB locations"), ("trust", "NHS Trusts"), ("ccg", "CCGs (until 2022)")];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(LevelText))
        {
            if (!Levels.TryGetValue(LevelText, out var level))
            {
                Problem = new FilterError(400, $"'{LevelText}' is not a type of organisation: choose a region, Cancer Alliance, Integrated Care Board, sub-ICB location, NHS Trust or CCG.");
                Response.StatusCode = Problem.StatusCode;
                return;
            }

            Level = level;
        }

        if (Query is { Length: > MaxQueryLength })
        {
            Problem = new FilterError(400, $"Search for at most {MaxQueryLength} characters.");
            Response.StatusCode = Problem.StatusCode;
            return;
        }

        if (Searched)
        {
            Found = await finder.FindOrganisationsAsync(Query ?? string.Empty, Level, MaxResults + 1, cancellationToken);
            if (Found.Count > 0)
            {
                Successions = await successions.SuccessionsAsync(cancellationToken);
            }
        }
    }
}
