using System.Globalization;
using LutonCancerSurvey.Core.Admin;
using LutonCancerSurvey.Web.Presentation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LutonCancerSurvey.Web.Pages.Admin;

/// <summary>Editions and their publication: publish, unpublish, or schedule the embargo to lift (UK time).</summary>
public class IndexModel(PublicationService publication, TimeProvider time) : PageModel
{
    public IReadOnlyList<EditionState> Editions { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Editions = await publication.EditionsAsync(cancellationToken);

    public async Task<IActionResult> OnPostPublishAsync(int year, CancellationToken cancellationToken) =>
        await DoneAsync(await publication.PublishAsync(year, Actor, cancellationToken), $"{year} is published: everyone can see it now.", cancellationToken);

    public async Task<IActionResult> OnPostUnpublishAsync(int year, CancellationToken cancellationToken) =>
        await DoneAsync(await publication.UnpublishAsync(year, Actor, cancellationToken), $"{year} is a draft again: only signed-in commissioners can see it.", cancellationToken);

    /// <summary><paramref name="at"/> is a local date and time in the UK (as typed in a datetime-local field).</summary>
    public async Task<IActionResult> OnPostScheduleAsync(int year, string? at, CancellationToken cancellationToken)
    {
        if (!DateTime.TryParseExact(at, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return await FailAsync("Enter the publication date and time, for example 2026-08-13 09:30.", cancellationToken);
        }

        var instant = Display.FromUkTime(local);
        if (instant <= time.GetUtcNow())
        {
            return await FailAsync("The publication time must be in the future. To publish now, use Publish.", cancellationToken);
        }

        return await DoneAsync(
            await publication.ScheduleAsync(year, instant, Actor, cancellationToken),
            $"{year} will be published on {Display.UkDateTime(instant)}.",
            cancellationToken);
    }

    private string Actor => User.Identity?.Name ?? "unknown";

    private async Task<IActionResult> DoneAsync(bool found, string message, CancellationToken cancellationToken)
    {
        if (!found)
        {
            return await FailAsync("There is no such edition.", cancellationToken);
        }

        Message = message;
        return RedirectToPage();
    }

    private async Task<IActionResult> FailAsync(string problem, CancellationToken cancellationToken)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Editions = await publication.EditionsAsync(cancellationToken);
        return Page();
    }
}
