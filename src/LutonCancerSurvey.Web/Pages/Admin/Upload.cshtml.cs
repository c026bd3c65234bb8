using LutonCancerSurvey.Core.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using LutonCancerSurvey.Core.Formatting;

namespace LutonCancerSurvey.Web.Pages.Admin;

/// <summary>
/// Upload a results file: it is checked and previewed with the importer rolled back, and written only on confirm.
/// Uploads are kept outside wwwroot under a random name until confirmed or cancelled.
/// </summary>
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public class UploadModel(SurveyImporter importer, IConfiguration configuration, StagedUploads staged) : PageModel
{
    public const long MaxBytes = 200L * 1024 * 1024;
    private static readonly string[] AllowedEndings = [".csv", ".csv.gz", ".gz"];

    public ImportOutcome? Preview { get; private set; }
    public string? UploadId { get; private set; }
    public string? FileName { get; private set; }
    public string? Problem { get; private set; }

    private string Folder => staged.Folder;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return Fail("Choose a results file to upload (CSV, or CSV compressed with gzip).");
        }

        var name = Path.GetFileName(file.FileName);
        if (!AllowedEndings.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return Fail($"{name} is not a CSV file: upload a .csv or .csv.gz file.");
        }

        Directory.CreateDirectory(Folder);
        UploadId = Guid.NewGuid().ToString("N");
        FileName = name;
        var stagedId = UploadId;
        var keep = false;
        try
        {
            await using (var stored = System.IO.File.Create(PathOf(stagedId)))
            {
                await file.CopyToAsync(stored, cancellationToken);
            }

            await System.IO.File.WriteAllTextAsync(PathOf(stagedId) + ".name", name, cancellationToken);
            Preview = await ImportAsync(stagedId, name, dryRun: true, cancellationToken);
            keep = Preview.Succeeded;
        }
        finally
        {
            // Only a preview waiting for confirmation keeps its file: a failed, abandoned or broken one leaves nothing.
            if (!keep)
            {
                Delete(stagedId);
            }
        }

        if (!keep)
        {
            UploadId = null;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? id, CancellationToken cancellationToken)
    {
        if (!IsKnownUpload(id))
        {
            return Fail("That upload is no longer waiting: upload the file again.");
        }

        var name = await System.IO.File.ReadAllTextAsync(PathOf(id!) + ".name", cancellationToken);
        var outcome = await ImportAsync(id!, name, dryRun: false, cancellationToken);
        Delete(id!);
        if (!outcome.Succeeded)
        {
            Preview = outcome;
            FileName = name;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        TempData["Message"] = $"{name} was imported: {Format.Count(outcome.Summary!.Added, "result", "results")} added, {Format.Count(outcome.Summary.Replaced)} replaced.";
        return RedirectToPage("/Admin/Index");
    }

    public IActionResult OnPostCancel(string? id)
    {
        if (IsKnownUpload(id))
        {
            Delete(id!);
        }

        TempData["Message"] = "The upload was cancelled: nothing was imported.";
        return RedirectToPage("/Admin/Index");
    }

    private async Task<ImportOutcome> ImportAsync(string id, string name, bool dryRun, CancellationToken cancellationToken)
    {
        await using var stored = System.IO.File.OpenRead(PathOf(id));
        return await importer.ImportAsync(
            stored, name, new ImportOptions
            {
                DryRun = dryRun,
                Actor = User.Identity?.Name ?? "unknown",
                MaxDecompressedBytes = configuration.GetValue(ImportLimits.ConfigurationKey, ImportLimits.DefaultMaxDecompressedBytes),
            }, null, cancellationToken);
    }

    private bool IsKnownUpload(string? id) => staged.IsWaiting(id);

    private string PathOf(string id) => staged.PathOf(id);

    private void Delete(string id) => staged.Delete(id);

    private PageResult Fail(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
