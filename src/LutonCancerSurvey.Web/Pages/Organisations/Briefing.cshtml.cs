using LutonCancerSurvey.Core.Findings;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Web.Presentation;
using Microsoft.AspNetCore.Mvc;

namespace LutonCancerSurvey.Web.Pages.Organisations;

/// <summary>
/// A one-page briefing of an organisation's key findings for one edition: plain HTML that prints and copies cleanly
/// into a document, with a table of the figures and numbered notes giving each sentence's evidence.
/// </summary>
public class BriefingModel(OrganisationHeaderQuery headers, KeyFindingsSource findings) : OrganisationPageModel(headers)
{
    protected override bool FiltersByTumourAndBasis => false;

    public KeyFindingsView? KeyFindings { get; private set; }

    /// <summary>One row per finding that compares figures, for the table of key figures.</summary>
    public IEnumerable<(int Number, Evidence Evidence)> FigureRows =>
        KeyFindings?.Numbered
            .Where(f => f.Finding.Verdict != Verdict.Summary)
            .SelectMany(f => f.Finding.Evidence.Select(e => (f.Number, e)))
        ?? [];

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(code, cancellationToken) is { } stop)
        {
            return stop;
        }

        KeyFindings = await findings.ForAsync(Header!, Filter!.Year, cancellationToken) with
        {
            ShowTitle = false,
            IncludeNotes = false,
        };
        return Page();
    }
}
