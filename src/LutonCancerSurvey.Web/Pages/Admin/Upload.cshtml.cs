using System.Globalization;
using System.Text;
using LutonCancerSurvey.Core.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using LutonCancerSurvey.Core.Formatting;

namespace LutonCancerSurvey.Web.Pages.Admin;

/// <summary>
/// Upload a results file: it is checked and previewed with the importer rolled back, and written only on confirm.
/// Uploads are kept outside wwwroot under a random name until confirmed or cancelled. A file in a layout the product
/// does not know opens the mapping form: a proposed layout the administrator corrects, checks and saves by name.
/// </summary>
[RequestSizeLimit(MaxBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxBytes)]
public class UploadModel(SurveyImporter importer, SavedLayouts layouts, IConfiguration configuration, StagedUploads staged) : PageModel
{
    public const long MaxBytes = 200L * 1024 * 1024;

    /// <summary>A layouts file is a few KB; a bound keeps an upload of something else from being read whole.</summary>
    private const long MaxLayoutsFileBytes = 1024 * 1024;
    private static readonly string[] AllowedEndings = [".csv", ".csv.gz", ".gz", ".xlsx"];

    public ImportOutcome? Preview { get; private set; }
    public string? UploadId { get; private set; }
    public string? FileName { get; private set; }
    public string? Problem { get; private set; }

    /// <summary>The mapping form, for a file in a layout the product does not know.</summary>
    public MappingForm? Mapping { get; private set; }

    /// <summary>The names of the saved layouts, listed with the export and import of layouts.</summary>
    public IReadOnlyList<string> SavedLayoutNames { get; private set; } = [];

    public string? Message { get; private set; }

    private string Folder => staged.Folder;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await ListLayoutsAsync(cancellationToken);

    /// <summary>Every saved layout as the JSON file another instance imports.</summary>
    public async Task<IActionResult> OnGetLayoutsAsync(CancellationToken cancellationToken)
    {
        var json = SavedLayouts.ToJson(await layouts.ListAsync(cancellationToken));
        return File(Encoding.UTF8.GetBytes(json), "application/json", "layouts.json");
    }

    public async Task<IActionResult> OnPostImportLayoutsAsync(IFormFile? layoutsFile, CancellationToken cancellationToken)
    {
        await ListLayoutsAsync(cancellationToken);
        if (layoutsFile is null || layoutsFile.Length == 0 || layoutsFile.Length > MaxLayoutsFileBytes)
        {
            return Fail("Choose a layouts file (.json, as Download layouts writes it, up to 1 MB).");
        }

        string json;
        using (var reader = new StreamReader(layoutsFile.OpenReadStream(), new UTF8Encoding(false, throwOnInvalidBytes: true)))
        {
            try
            {
                json = await reader.ReadToEndAsync(cancellationToken);
            }
            catch (DecoderFallbackException)
            {
                return Fail("The layouts file is not UTF-8 JSON.");
            }
        }

        var (saved, problems) = await layouts.ImportJsonAsync(json, Actor, cancellationToken);
        if (problems.Count > 0)
        {
            return Fail("No layout was imported: " + string.Join("; ", problems));
        }

        await ListLayoutsAsync(cancellationToken);
        Message = $"Imported {Format.Count(saved.Count, "layout", "layouts")}: {string.Join(", ", saved)}.";
        return Page();
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
            if (IsUnknownLayout(Preview))
            {
                // Not an error yet: the administrator maps the file's columns, and the file waits for that.
                Mapping = await ProposeAsync(stagedId, sheet: null, headerRow: null, Path.GetFileNameWithoutExtension(name), cancellationToken);
                Preview = null;
                keep = true;
            }
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

    /// <summary>
    /// The mapping form's buttons: read another sheet or header row (a new proposal), check the file with the layout as
    /// corrected (a preview, nothing written), or save the layout by name and preview the import with it.
    /// </summary>
    public async Task<IActionResult> OnPostMapAsync(string? id, string? step, CancellationToken cancellationToken)
    {
        if (!IsKnownUpload(id))
        {
            return Fail("That upload is no longer waiting: upload the file again.");
        }

        UploadId = id;
        FileName = await System.IO.File.ReadAllTextAsync(PathOf(id!) + ".name", cancellationToken);
        var form = Request.Form;
        var sheet = NullIfEmpty(form["sheet"]);
        var headerRow = int.TryParse(form["headerRow"], NumberStyles.None, CultureInfo.InvariantCulture, out var row) && row > 0 ? row : (int?)null;
        var name = (string?)form["name"] ?? string.Empty;
        if (step == "read")
        {
            Mapping = await ProposeAsync(id!, sheet, headerRow, name, cancellationToken);
            return Page();
        }

        if (step == "edit")
        {
            // A saved layout that reads the file wrongly is corrected here: it is used for its header without asking.
            var saved = await layouts.FindAsync(name, cancellationToken);
            if (saved is null)
            {
                return Fail($"No layout is saved with the name '{name}'.");
            }

            var sample = await ProposeAsync(id!, saved.Sheet, saved.HeaderRow, name, cancellationToken);
            Mapping = sample.Problem is null ? sample with { Layout = saved with { Header = sample.Sample.Header }, Reasons = new Dictionary<string, string>() } : sample;
            return Page();
        }

        var proposed = await ProposeAsync(id!, sheet, headerRow, name, cancellationToken);
        if (proposed.Problem is not null)
        {
            Mapping = proposed;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var layout = LayoutFromForm(form, proposed);
        var problems = layout.Problems();
        if (problems.Count > 0)
        {
            Mapping = proposed with { Layout = layout, Problems = problems };
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (step == "save")
        {
            await layouts.SaveAsync(layout, Actor, cancellationToken);
            await System.IO.File.WriteAllTextAsync(PathOf(id!) + ".layout", layout.Name, cancellationToken);
            Preview = await ImportAsync(id!, FileName, dryRun: true, cancellationToken, layout);
            if (Preview.Succeeded)
            {
                Message = $"The layout '{layout.Name}' was saved: later files with this header are read with it.";
                return Page();
            }
        }
        else
        {
            Preview = await ImportAsync(id!, FileName, dryRun: true, cancellationToken, layout);
        }

        Mapping = proposed with { Layout = layout, Check = Preview };
        Preview = null;
        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(string? id, CancellationToken cancellationToken)
    {
        if (!IsKnownUpload(id))
        {
            return Fail("That upload is no longer waiting: upload the file again.");
        }

        var name = await System.IO.File.ReadAllTextAsync(PathOf(id!) + ".name", cancellationToken);
        LayoutDefinition? layout = null;
        if (System.IO.File.Exists(PathOf(id!) + ".layout"))
        {
            layout = await layouts.FindAsync(await System.IO.File.ReadAllTextAsync(PathOf(id!) + ".layout", cancellationToken), cancellationToken);
        }

        var outcome = await ImportAsync(id!, name, dryRun: false, cancellationToken, layout);
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

    public async Task<IActionResult> OnPostDeleteLayoutAsync(string? name, CancellationToken cancellationToken)
    {
        var deleted = name is not null && await layouts.DeleteAsync(name, Actor, cancellationToken);
        await ListLayoutsAsync(cancellationToken);
        if (!deleted)
        {
            return Fail($"No layout is saved with the name '{name}'.");
        }

        Message = $"The layout '{name}' was deleted: files with its header are no longer read with it.";
        return Page();
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

    private async Task<ImportOutcome> ImportAsync(string id, string name, bool dryRun, CancellationToken cancellationToken, LayoutDefinition? layout = null)
    {
        await using var stored = System.IO.File.OpenRead(PathOf(id));
        return await importer.ImportAsync(
            stored, name, new ImportOptions
            {
                DryRun = dryRun,
                Actor = Actor,
                Layout = layout,
                MaxDecompressedBytes = MaxDecompressedBytes,
            }, null, cancellationToken);
    }

    private string Actor => User.Identity?.Name ?? "unknown";

    private long MaxDecompressedBytes => configuration.GetValue(ImportLimits.ConfigurationKey, ImportLimits.DefaultMaxDecompressedBytes);

    private static bool IsUnknownLayout(ImportOutcome outcome) =>
        outcome.Errors.Any(e => e.Column is null && e.Message.StartsWith("unknown header", StringComparison.Ordinal));

    private async Task ListLayoutsAsync(CancellationToken cancellationToken) =>
        SavedLayoutNames = (await layouts.ListAsync(cancellationToken)).Select(l => l.Name).ToList();

    /// <summary>The file's table (the sheet and header row given, or found) and the layout proposed for it.</summary>
    private async Task<MappingForm> ProposeAsync(string id, string? sheet, int? headerRow, string name, CancellationToken cancellationToken)
    {
        await using var stored = System.IO.File.OpenRead(PathOf(id));
        try
        {
            var sample = await LayoutProposer.SampleAsync(stored, new ImportOptions { Sheet = sheet, HeaderRow = headerRow, MaxDecompressedBytes = MaxDecompressedBytes });
            var proposal = LayoutProposer.Propose(sample, name);
            return new MappingForm(sample, proposal.Layout, proposal.Reasons, [], null, null);
        }
        catch (ImportFormatException ex)
        {
            var empty = new FileSample([], sheet, 0, [], [], new Dictionary<string, IReadOnlyList<string>>());
            return new MappingForm(empty, new LayoutDefinition { Name = name }, new Dictionary<string, string>(), [], null,
                new ImportError(ex.Line, null, ex.Message) { Sheet = ex.Line > 0 ? ex.Sheet : null }.ToString());
        }
    }

    /// <summary>The layout as the form gives it: each field's column or fixed value, the words and the markers.</summary>
    private static LayoutDefinition LayoutFromForm(IFormCollection form, MappingForm proposed)
    {
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        var fixedValues = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in LayoutDefinition.Fields)
        {
            if (NullIfEmpty(form[$"column:{field}"]) is { } column && proposed.Sample.Header.Contains(column, StringComparer.Ordinal))
            {
                columns[field] = column;
            }
            else if (NullIfEmpty(form[$"fixed:{field}"]) is { } value)
            {
                fixedValues[field] = value;
            }
        }

        var words = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var field in columns.Keys.Where(LayoutWords.HasWords))
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; form.ContainsKey($"wordOf:{field}:{i}"); i++)
            {
                if (NullIfEmpty(form[$"wordOf:{field}:{i}"]) is { } word && NullIfEmpty(form[$"word:{field}:{i}"]) is { } tidy)
                {
                    map[word] = tidy;
                }
            }

            if (map.Count > 0)
            {
                words[field] = map;
            }
        }

        var markers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in ((string?)form["markers"] ?? string.Empty).Split('\n'))
        {
            var equals = line.LastIndexOf('=');
            if (equals > 0 && line[..equals].Trim() is { Length: > 0 } marker)
            {
                markers[marker] = line[(equals + 1)..].Trim();
            }
        }

        return new LayoutDefinition
        {
            Name = ((string?)form["name"] ?? string.Empty).Trim(),
            Header = proposed.Sample.Header,
            Sheet = proposed.Sample.Sheet,
            HeaderRow = proposed.Sample.Sheet is null ? null : proposed.Sample.HeaderLine,
            Columns = columns,
            Fixed = fixedValues,
            Words = words,
            SuppressionMarkers = markers,
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

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

/// <summary>
/// What the mapping form shows: the file's table, the layout as proposed or corrected with why each column was chosen,
/// what is wrong with it, and the check of the file with it.
/// </summary>
public sealed record MappingForm(
    FileSample Sample, LayoutDefinition Layout, IReadOnlyDictionary<string, string> Reasons, IReadOnlyList<string> Problems,
    ImportOutcome? Check, string? Problem)
{
    /// <summary>The words of a closed field's column: the file's distinct values, each with the tidy word it means.</summary>
    public IReadOnlyList<(string Word, string Tidy)> WordsOf(string field)
    {
        if (!Layout.Columns.TryGetValue(field, out var column) || !LayoutWords.HasWords(field))
        {
            return [];
        }

        var chosen = Layout.Words.GetValueOrDefault(field);
        return (Sample.DistinctValues.GetValueOrDefault(column) ?? [])
            .Where(v => LayoutWords.SuppressionMarker(v) is null && !Layout.SuppressionMarkers.ContainsKey(v))
            .Select(v => (v, chosen?.GetValueOrDefault(v) ?? LayoutWords.Known(field, v)
                ?? LayoutWords.TidyWords[field].FirstOrDefault(w => string.Equals(w, v, StringComparison.OrdinalIgnoreCase)) ?? string.Empty))
            .ToList();
    }
}
