using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Findings;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Web.Presentation;
using Microsoft.AspNetCore.Mvc;

namespace LutonCancerSurvey.Web.Pages.Organisations;

/// <summary>
/// Results by sex and by deprivation quintile for a Cancer Alliance or England, beside the all-patients figure, with
/// the survey's own test of each gap. CCGs and Trusts have no such results published; the page says so.
/// </summary>
public class InequalitiesModel(OrganisationHeaderQuery headers, InequalitiesQuery query) : OrganisationPageModel(headers)
{
    public IReadOnlyList<QuestionInequality> Questions { get; private set; } = [];
    public IReadOnlyList<InequalityFinding> Findings { get; private set; } = [];

    /// <summary>Every dimension the organisation's results are broken down by, each shown as its own chart and table.</summary>
    public IReadOnlyList<InequalityDimension> Dimensions { get; private set; } = [];

    /// <summary>Whether the survey publishes results by sex and deprivation for this kind of organisation at all.</summary>
    public bool PublishedForLevel =>
        Header?.Organisation.Level is OrganisationLevel.National or OrganisationLevel.CancerAlliance;

    protected override bool FiltersByTumourAndBasis => false;

    public IEnumerable<IGrouping<string, QuestionInequality>> Sections =>
        Questions.GroupBy(q => q.Question.Section)
            .OrderBy(g => g.Min(q => q.Question.Number)); // the questionnaire's own order

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } stop)
        {
            return stop;
        }

        Findings = InequalityFindings.Write(Header!.Organisation.Name, Filter!.Year, Questions);
        return Page();
    }

    /// <summary>Every figure the page shows, in the tidy layout the importer reads back.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string code, CancellationToken cancellationToken)
    {
        if (await LoadAsync(code, cancellationToken) is { } stop)
        {
            return stop;
        }

        if (Questions.Count == 0)
        {
            return NotFound();
        }

        var rows = InequalityDisplay.Rows(Header!.Organisation, Filter!.Year, Questions);
        var fileName = $"cpes-{Header.Organisation.Code}-{Filter.Year}-by-sex-and-deprivation.csv";
        return await ResultsExport.CsvAsync(Response, fileName, rows, Header.EmbargoOf(Filter.Year), cancellationToken);
    }

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(code, cancellationToken) is { } stop)
        {
            return stop;
        }

        if (PublishedForLevel)
        {
            Questions = await query.InequalitiesAsync(Header!, Filter!.EditionId, cancellationToken);
            Dimensions = InequalityDisplay.Dimensions(Questions);
        }

        return null;
    }
}
