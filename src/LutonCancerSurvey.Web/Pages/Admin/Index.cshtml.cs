using System.Globalization;
using LutonCancerSurvey.Core.Admin;
using LutonCancerSurvey.Web.Presentation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LutonCancerSurvey.Web.Pages.Admin;

/// <summary>Editions and their publication: publish, unpublish, or schedule the embargo to lift (UK time).</summary>
public class IndexModel(PublicationService publication, StagedUploads staged, TimeProvider time) : PageModel
{
    public IReadOnlyList<EditionState> Editions { get; private set; } = [];

    /// <summary>Uploads previewed but neither confirmed nor cancelled, each with its size and age.</summary>
    public IReadOnlyList<(StagedUpload Upload, string Description)> Waiting { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Editions = await publication.EditionsAsync(cancellationToken);
        ListWaiting();
    }

    private void ListWaiting()
    {
        var now = time.GetUtcNow();
        Waiting = staged.List().Select(u => (u, StagedUploads.Describe(u, now))).ToList();
    }

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

    private async Task<IActionResult> DoneAsync(PublicationChange outcome, string message, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case PublicationChange.NoSuchEdition:
                return await FailAsync("There is no such edition.", cancellationToken);
            case PublicationChange.AlreadyPublic:
                return await FailAsync(
                    "This edition is already public, so it cannot be scheduled: to hold it back until a date, unpublish it first, then schedule it.",
                    cancellationToken);
        }

        Message = message;
        return RedirectToPage();
    }

    private async Task<IActionResult> FailAsync(string problem, CancellationToken cancellationToken)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        Editions = await publication.EditionsAsync(cancellationToken);
        ListWaiting();
        return Page();
    }
}
