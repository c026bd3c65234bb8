using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Web.Presentation;
using Microsoft.AspNetCore.Mvc;

namespace LutonCancerSurvey.Web.Pages.Organisations;

public class ResultsModel(DashboardQueries queries) : OrganisationPageModel(queries)
{
    public IReadOnlyList<QuestionResult> Results { get; private set; } = [];
    public KeyFindingsView? KeyFindings { get; private set; }

    public IEnumerable<IGrouping<string, QuestionResult>> Sections =>
        Results.GroupBy(r => r.Question.Section).OrderBy(g => g.Min(r => r.Question.Number)); // the questionnaire's own order

    public IEnumerable<SourceInfo> Sources =>
        Results.SelectMany(r => new[] { r.Organisation?.Source, r.England?.Source })
            .OfType<SourceInfo>()
            .DistinctBy(s => (s.FileName, s.ImportedAt, s.Note));

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        var result = await LoadAsync(code, cancellationToken);
        if (result is null && Filter is not null)
        {
            KeyFindings = await KeyFindingsView.LoadAsync(Queries, Header!, Filter.Year, cancellationToken);
        }

        return result ?? Page();
    }

    /// <summary>The CSV of exactly what the page shows, in the tidy layout the importer reads back.</summary>
    public async Task<IActionResult> OnGetCsvAsync(string code, CancellationToken cancellationToken)
    {
        var result = await LoadAsync(code, cancellationToken);
        if (result is not null)
        {
            return result;
        }

        var rows = ResultsExport.Rows(Header!, Filter!, Results);
        var fileName = $"cpes-{Header!.Organisation.Code}-{Filter!.Year}-{ResultsFilter.TumourSlug(Filter.TumourGroupId)}-{ResultsFilter.BasisSlug(Filter.Basis)}.csv";
        return await ResultsExport.CsvAsync(Response, fileName, rows, Header.EmbargoOf(Filter.Year), cancellationToken);
    }

    private async Task<IActionResult?> LoadAsync(string code, CancellationToken cancellationToken)
    {
        if (await ResolveAsync(code, cancellationToken) is { } stop)
        {
            return stop;
        }

        Results = await Queries.ResultsAsync(Header!, Filter!.EditionId, Filter.TumourGroupId, Filter.Basis, cancellationToken);
        return null;
    }
}
