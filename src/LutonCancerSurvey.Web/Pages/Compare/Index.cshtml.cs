using System.Globalization;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Web.Presentation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LutonCancerSurvey.Web.Pages.Compare;

/// <summary>
/// Up to five organisations side by side with what they are part of in that edition (ICBs, Cancer Alliances, regions)
/// and England, all cancers, one edition.
/// </summary>
public class IndexModel(DashboardQueries queries) : PageModel
{
    public const int MaxOrganisations = 5;

    [FromQuery(Name = "codes")]
    public string? CodesText { get; set; }

    [FromQuery(Name = "year")]
    public string? YearText { get; set; }

    public FilterError? Problem { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public int? Year { get; private set; }
    public Embargo? Embargo { get; private set; }

    /// <summary>The columns: the chosen organisations, then their ICBs, Alliances and regions, then England.</summary>
    public IReadOnlyList<OrganisationSummary> Columns { get; private set; } = [];

    public IReadOnlyList<QuestionInfo> Questions { get; private set; } = [];
    private Dictionary<(int OrganisationId, int Question), Figure> _figures = [];

    public Figure? FigureFor(OrganisationSummary column, int question)
    {
        ArgumentNullException.ThrowIfNull(column);
        return _figures.GetValueOrDefault((column.Id, question));
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Problem is not null || Year is null || Columns.Count == 0)
        {
            return Page();
        }

        var rows = Columns.SelectMany(c => Questions
                .Select(q => (q, f: FigureFor(c, q.Number)))
                .Where(x => x.f is not null)
                .Select(x => ResultsExport.Row(c, Year.Value, TumourGroups.AllCancers, x.q, x.f!)))
            .ToList();
        return await ResultsExport.CsvAsync(Response, $"cpes-compare-{Year}.csv", rows, Embargo, cancellationToken);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var codes = (CodesText ?? string.Empty)
            .Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToUpperInvariant())
            .Distinct()
            .ToList();
        var editions = await queries.VisibleEditionsAsync(cancellationToken);
        Years = editions.Select(e => e.Year).ToList();
        if (codes.Count == 0)
        {
            return;
        }

        if (codes.Count > MaxOrganisations)
        {
            Fail(400, $"Compare at most {MaxOrganisations} organisations at a time.");
            return;
        }

        if (string.IsNullOrWhiteSpace(YearText))
        {
            Year = Years.Count > 0 ? Years[0] : null;
        }
        else if (int.TryParse(YearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && Years.Contains(year))
        {
            Year = year;
        }
        else
        {
            Fail(int.TryParse(YearText, out _) ? 404 : 400, $"There are no published results for '{YearText}'. Choose one of {string.Join(", ", Years)}.");
            return;
        }

        // Named as the edition on show states them; one that edition does not have is unknown, like any other code.
        var known = Year is null ? [] : await queries.OrganisationsByCodeAsync(codes, Year.Value, cancellationToken);
        var missing = codes.Where(c => !known.Any(k => string.Equals(k.Code, c, StringComparison.OrdinalIgnoreCase))).ToList();
        if (missing.Count > 0)
        {
            Fail(404, $"No organisation has the code {string.Join(", ", missing)}.");
            return;
        }

        if (Year is null)
        {
            return;
        }

        Embargo = editions.FirstOrDefault(e => e.Year == Year)?.Embargo;

        var chosen = codes.Select(c => known.First(k => string.Equals(k.Code, c, StringComparison.OrdinalIgnoreCase)))
            .Where(o => o.Level != OrganisationLevel.National)
            .ToList();
        // What each is part of in this edition's own map: ICBs, then Alliances, then regions, each once.
        var icbs = chosen.Where(o => o.Icb is not null)
            .Select(o => new OrganisationSummary(o.Icb!.Id, o.Icb.Code, o.Icb.Name, OrganisationLevel.Icb, null, null, null));
        var alliances = chosen.Where(o => o.AllianceId is not null && o.AllianceName is not null)
            .Select(o => new OrganisationSummary(o.AllianceId!.Value, o.AllianceCode!, o.AllianceName!, OrganisationLevel.CancerAlliance, null, null, null));
        var regions = chosen.Where(o => o.Region is not null)
            .Select(o => new OrganisationSummary(o.Region!.Id, o.Region.Code, o.Region.Name, OrganisationLevel.Region, null, null, null));
        var parents = icbs.Concat(alliances).Concat(regions).Where(p => chosen.All(c => c.Id != p.Id)).DistinctBy(p => p.Id);
        var england = known.Where(k => k.Level == OrganisationLevel.National);
        Columns = chosen.Concat(parents).Concat(england).ToList();

        var rows = await queries.ResultsForOrganisationsAsync(Columns.Select(c => c.Id).ToList(), Year.Value, cancellationToken);
        Questions = rows.Select(r => r.Question).DistinctBy(q => q.Number).OrderBy(q => q.Number).ToList();
        _figures = rows.GroupBy(r => (r.OrganisationId, r.Question.Number))
            .ToDictionary(g => g.Key, g => DashboardQueries.PreferredFigure(g, ResultBasis.Adjusted)!);
    }

    private void Fail(int status, string message)
    {
        Problem = new FilterError(status, message);
        Response.StatusCode = status;
    }
}
