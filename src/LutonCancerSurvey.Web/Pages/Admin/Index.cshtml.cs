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

    /// <summary>The change waiting for the administrator to confirm it, shown instead of being made.</summary>
    public PendingChange? Pending { get; private set; }

    /// <summary>The edition whose schedule was refused, with what was typed, so its fields show the error and keep the entry.</summary>
    public ScheduleEntry? Entry { get; private set; }

    /// <summary>
    /// Publishing and unpublishing are made only on a second post that carries <paramref name="confirmed"/>: the first
    /// shows what will happen and asks. A form post both times, so it works without JavaScript.
    /// </summary>
    public async Task<IActionResult> OnPostPublishAsync(int year, bool confirmed, CancellationToken cancellationToken) =>
        confirmed
            ? await DoneAsync(await publication.PublishAsync(year, Actor, cancellationToken), $"{year} is published: everyone can see it now.", cancellationToken)
            : await ConfirmAsync(new PendingChange(year, "Publish", $"Publish {year} now?",
                $"Everyone will see the {year} results at once, on every page, download and the API. The embargo ends."), cancellationToken);

    public async Task<IActionResult> OnPostUnpublishAsync(int year, bool confirmed, CancellationToken cancellationToken) =>
        confirmed
            ? await DoneAsync(await publication.UnpublishAsync(year, Actor, cancellationToken), $"{year} is a draft again: only signed-in commissioners can see it.", cancellationToken)
            : await ConfirmAsync(new PendingChange(year, "Unpublish", $"Unpublish {year}?",
                $"The {year} results will disappear from the public pages, downloads and the API at once, and any scheduled publication is cancelled. Signed-in commissioners will still see them as a draft."), cancellationToken);

    /// <summary>The date and time are typed in the NHS date input (day, month, year) and hour and minute, in UK time.</summary>
    public async Task<IActionResult> OnPostScheduleAsync(int year, ScheduleEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var (local, problem) = entry.Read();
        if (local is null)
        {
            Entry = entry with { Edition = year };
            return await FailAsync(problem!, cancellationToken);
        }

        var instant = Display.FromUkTime(local.Value);
        if (instant <= time.GetUtcNow())
        {
            Entry = entry with { Edition = year };
            return await FailAsync("The publication time must be in the future. To publish now, use Publish.", cancellationToken);
        }

        return await DoneAsync(
            await publication.ScheduleAsync(year, instant, Actor, cancellationToken),
            $"{year} will be published on {Display.UkDateTime(instant)}.",
            cancellationToken);
    }

    private async Task<IActionResult> ConfirmAsync(PendingChange change, CancellationToken cancellationToken)
    {
        Editions = await publication.EditionsAsync(cancellationToken);
        if (Editions.All(e => e.Year != change.Year))
        {
            return await FailAsync("There is no such edition.", cancellationToken);
        }

        Pending = change;
        ListWaiting();
        return Page();
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
