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
public class UploadModel(SurveyImporter importer, IConfiguration configuration, IWebHostEnvironment environment) : PageModel
{
    public const long MaxBytes = 200L * 1024 * 1024;
    private static readonly string[] AllowedEndings = [".csv", ".csv.gz", ".gz", ".xlsx"];

    public ImportOutcome? Preview { get; private set; }
    public string? UploadId { get; private set; }
    public string? FileName { get; private set; }
    public string? Problem { get; private set; }

    private string Folder => Path.GetFullPath(configuration["Uploads:Path"] ?? Path.Combine(environment.ContentRootPath, "App_Data", "uploads"));

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            return Fail("Choose a results file to upload (CSV, CSV compressed with gzip, or an Excel workbook).");
        }

        var name = Path.GetFileName(file.FileName);
        if (!AllowedEndings.Any(e => name.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            return Fail($"{name} is not a CSV file or an Excel workbook: upload a .csv, .csv.gz or .xlsx file.");
        }

        Directory.CreateDirectory(Folder);
        UploadId = Guid.NewGuid().ToString("N");
        FileName = name;
        var staged = UploadId;
        var keep = false;
        try
        {
            await using (var stored = System.IO.File.Create(PathOf(staged)))
            {
                await file.CopyToAsync(stored, cancellationToken);
            }

            await System.IO.File.WriteAllTextAsync(PathOf(staged) + ".name", name, cancellationToken);
            Preview = await ImportAsync(staged, name, dryRun: true, cancellationToken);
            keep = Preview.Succeeded;
        }
        finally
        {
            // Only a preview waiting for confirmation keeps its file: a failed, abandoned or broken one leaves nothing.
            if (!keep)
            {
                Delete(staged);
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

    private bool IsKnownUpload(string? id) =>
        Guid.TryParseExact(id, "N", out _) && System.IO.File.Exists(PathOf(id!));

    private string PathOf(string id) => Path.Combine(Folder, id + ".upload");

    private void Delete(string id)
    {
        System.IO.File.Delete(PathOf(id));
        System.IO.File.Delete(PathOf(id) + ".name");
    }

    private PageResult Fail(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
