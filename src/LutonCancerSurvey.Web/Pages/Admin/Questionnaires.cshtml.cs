using LutonCancerSurvey.Core.Admin;
using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Web.Pages.Admin;

/// <summary>One questionnaire series, the editions that use it, and how many of its questions are known.</summary>
public sealed record SeriesState(string Code, string Name, int? FirstYear, int? LastYear, IReadOnlyList<int> Editions, int Questions, int Links);

/// <summary>
/// The questionnaires: which series each edition uses, and the uploads that state them (a questionnaire file, before
/// an edition's results, and a crosswalk of questions that two series share).
/// </summary>
[RequestSizeLimit(QuestionnaireImporter.MaxBytes + 64 * 1024)]
public class QuestionnairesModel(SurveyDbContext db, QuestionnaireImporter importer) : PageModel
{
    public IReadOnlyList<SeriesState> Series { get; private set; } = [];
    public IReadOnlyList<ImportError> Errors { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => Series = await ReadAsync(cancellationToken);

    public Task<IActionResult> OnPostQuestionnaireAsync(IFormFile? file, CancellationToken cancellationToken) =>
        ImportAsync(file, importer.ImportQuestionnaireAsync, "questionnaire", cancellationToken);

    public Task<IActionResult> OnPostCrosswalkAsync(IFormFile? file, CancellationToken cancellationToken) =>
        ImportAsync(file, importer.ImportCrosswalkAsync, "crosswalk", cancellationToken);

    private async Task<IActionResult> ImportAsync(
        IFormFile? file, Func<Stream, string, CancellationToken, Task<QuestionnaireOutcome>> import, string what, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return await FailAsync([new ImportError(0, null, $"choose a {what} file (CSV) to upload")], cancellationToken);
        }

        await using var content = file.OpenReadStream();
        var outcome = await import(content, User.Identity?.Name ?? "unknown", cancellationToken);
        if (!outcome.Succeeded)
        {
            return await FailAsync(outcome.Errors, cancellationToken);
        }

        Message = $"{Path.GetFileName(file.FileName)}: {outcome.Summary}.";
        return RedirectToPage();
    }

    private async Task<IActionResult> FailAsync(IReadOnlyList<ImportError> errors, CancellationToken cancellationToken)
    {
        Errors = errors;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Series = await ReadAsync(cancellationToken);
        return Page();
    }

    private async Task<IReadOnlyList<SeriesState>> ReadAsync(CancellationToken cancellationToken)
    {
        var series = await db.QuestionSeries.AsNoTracking()
            .OrderBy(s => s.FirstYear == null).ThenBy(s => s.FirstYear).ThenBy(s => s.Code)
            .Select(s => new
            {
                s.Code,
                s.Name,
                s.FirstYear,
                s.LastYear,
                Editions = db.Editions.Where(e => e.SeriesId == s.Id).Select(e => e.Year).ToList(),
                Questions = db.QuestionnaireItems.Count(i => i.SeriesId == s.Id),
                Links = db.QuestionLinks.Count(l => l.FromSeriesId == s.Id || l.ToSeriesId == s.Id),
            })
            .ToListAsync(cancellationToken);
        return series.Select(s => new SeriesState(s.Code, s.Name, s.FirstYear, s.LastYear, s.Editions.Order().ToList(), s.Questions, s.Links)).ToList();
    }
}
