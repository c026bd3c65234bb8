using LutonCancerSurvey.Core.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LutonCancerSurvey.Web.Pages.Admin;

/// <summary>
/// Load the lookup of what became of organisations (mergers, new codes, abolitions): checked and previewed with
/// nothing written, then written on confirm in one transaction. The lookup is small, so the preview carries the
/// file itself in the form, and confirm checks it all again: there is nothing staged on the server to clean up.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes, ValueLengthLimit = (int)MaxRequestBytes)]
public class SuccessionsModel(SuccessionImporter importer) : PageModel
{
    /// <summary>The lookup's own limit, with room for the form and, on confirm, the file written as base64.</summary>
    private const long MaxRequestBytes = 4 * SuccessionImporter.MaxBytes;

    public SuccessionOutcome? Preview { get; private set; }
    public string? FileName { get; private set; }
    /// <summary>The previewed file as base64, posted back on confirm.</summary>
    public string? FileContent { get; private set; }
    public string? Problem { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return Fail("Choose the succession lookup to upload (a CSV file).");
        }

        FileName = Path.GetFileName(file.FileName);
        if (file.Length > SuccessionImporter.MaxBytes)
        {
            return Fail($"{FileName} is larger than 1 MiB: a succession lookup has one short line per organisation.");
        }

        await using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        buffer.Seek(0, SeekOrigin.Begin);
        Preview = await ImportAsync(buffer, dryRun: true, cancellationToken);
        if (!Preview.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        FileContent = Convert.ToBase64String(buffer.ToArray());
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? name, string? content, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(content ?? string.Empty);
        }
        catch (FormatException)
        {
            return Fail("That preview can no longer be confirmed: upload the lookup again.");
        }

        if (bytes.Length == 0)
        {
            return Fail("That preview can no longer be confirmed: upload the lookup again.");
        }

        FileName = Path.GetFileName(name ?? "successions.csv");
        await using var buffer = new MemoryStream(bytes, writable: false);
        var outcome = await ImportAsync(buffer, dryRun: false, cancellationToken);
        if (!outcome.Succeeded)
        {
            // The database changed since the preview (an organisation's results removed, say): nothing was written.
            Preview = outcome;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Message"] = $"{FileName} was loaded: {outcome.Count(SuccessionChangeKind.Added)} added, "
            + $"{outcome.Count(SuccessionChangeKind.Replaced)} replaced, {outcome.Count(SuccessionChangeKind.Unchanged)} unchanged.";
        return RedirectToPage("/Admin/Index");
    }

    private Task<SuccessionOutcome> ImportAsync(Stream content, bool dryRun, CancellationToken cancellationToken) =>
        importer.ImportAsync(content, FileName!, new SuccessionImportOptions
        {
            DryRun = dryRun,
            Actor = User.Identity?.Name ?? "unknown",
        }, cancellationToken);

    private PageResult Fail(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
