using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Web.Presentation;
using LutonCancerSurvey.Web.Routing;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LutonCancerSurvey.Web.Pages.Organisations;

/// <summary>
/// A page about one organisation, filtered by year, tumour group and basis from the query string: finds the
/// organisation and checks the filter against what it has, the same way on every such page.
/// </summary>
public abstract class OrganisationPageModel : PageModel
{
    protected OrganisationPageModel(OrganisationHeaderQuery headers) => Headers = headers;

    [FromQuery(Name = QueryNames.Year)]
    public string? YearText { get; set; }

    [FromQuery(Name = QueryNames.Tumour)]
    public string? TumourText { get; set; }

    [FromQuery(Name = QueryNames.Basis)]
    public string? BasisText { get; set; }

    public OrganisationHeader? Header { get; private set; }
    public ResultsFilter? Filter { get; private set; }
    public FilterError? Problem { get; protected set; }

    protected OrganisationHeaderQuery Headers { get; }

    /// <summary>Whether the page offers the tumour and basis filters (a briefing covers all cancers only).</summary>
    protected virtual bool FiltersByTumourAndBasis => true;

    /// <summary>
    /// Loads the organisation and resolves the filter. Returns the response to send when the page cannot go on
    /// (not found, or the filter's problem stated on the page), or null with Header and Filter set.
    /// </summary>
    protected async Task<IActionResult?> ResolveAsync(string code, CancellationToken cancellationToken)
    {
        Header = await Headers.HeaderAsync(code, cancellationToken);
        if (Header is null)
        {
            return NotFound();
        }

        (Filter, Problem) = FiltersByTumourAndBasis
            ? ResultsFilter.Resolve(Header, YearText, TumourText, BasisText)
            : ResultsFilter.Resolve(Header, YearText, null, null);
        if (Problem is not null)
        {
            Response.StatusCode = Problem.StatusCode;
            return Page();
        }

        // Named and placed in its Alliance as the edition on show states it.
        Header = Header.In(Filter!.Year);
        return null;
    }
}
