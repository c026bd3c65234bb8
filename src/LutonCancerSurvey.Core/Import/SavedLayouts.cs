using System.Text.Json;
using System.Text.Json.Serialization;
using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Import;

/// <summary>
/// The named layouts administrators saved: kept in the database, found again by name or by the header of a later file,
/// and exchanged between instances as a JSON file (format in docs/data-format.md).
/// </summary>
public sealed class SavedLayouts(SurveyDbContext db, TimeProvider time)
{
    /// <summary>Names the JSON file's kind, so a file of something else is refused rather than half read.</summary>
    public const string FileFormat = "luton-cancer-survey/layouts";

    public const int FileVersion = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task<IReadOnlyList<LayoutDefinition>> ListAsync(CancellationToken cancellationToken)
    {
        var stored = await db.SavedLayouts.AsNoTracking().OrderBy(l => l.Name).Select(l => l.Definition).ToListAsync(cancellationToken).ConfigureAwait(false);
        return stored.Select(Parse).ToList();
    }

    public async Task<LayoutDefinition?> FindAsync(string name, CancellationToken cancellationToken)
    {
        var stored = await db.SavedLayouts.AsNoTracking().Where(l => l.Name == name).Select(l => l.Definition)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return stored is null ? null : Parse(stored);
    }

    /// <summary>The layout saved for this header (the latest, if several were), or null.</summary>
    internal static async Task<LayoutDefinition?> FindByHeaderAsync(SurveyDbContext db, IReadOnlyList<string> header, CancellationToken cancellationToken)
    {
        var signature = LayoutDefinition.SignatureOf(header);
        var stored = await db.SavedLayouts.AsNoTracking().Where(l => l.HeaderSignature == signature)
            .OrderByDescending(l => l.Id).Select(l => l.Definition).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return stored is null ? null : Parse(stored);
    }

    /// <summary>
    /// For a workbook: the first of its sheets that a saved layout reads, so that a later workbook whose results are not
    /// on its first sheet (a contents or notes sheet comes first) is still read with the layout saved for it.
    /// </summary>
    internal static async Task<string?> SheetToReadAsync(SurveyDbContext db, Stream workbook, long maxDecompressedBytes, CancellationToken cancellationToken)
    {
        var stored = await db.SavedLayouts.AsNoTracking().Select(l => l.Definition).ToListAsync(cancellationToken).ConfigureAwait(false);
        var sheets = stored.Select(Parse).Select(l => l.Sheet).OfType<string>().ToHashSet(StringComparer.Ordinal);
        if (sheets.Count == 0)
        {
            return null;
        }

        try
        {
            using var opened = XlsxWorkbook.Open(workbook, maxDecompressedBytes);
            return opened.Sheets.Select(s => s.Name).FirstOrDefault(sheets.Contains);
        }
        catch (ImportFormatException)
        {
            return null; // reported by the import itself
        }
        finally
        {
            workbook.Seek(0, SeekOrigin.Begin);
        }
    }

    /// <summary>Saves a layout under its name, replacing one of the same name. Returns its problems, when it has any.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(LayoutDefinition layout, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var problems = layout.Problems();
        if (problems.Count > 0)
        {
            return problems;
        }

        Store(layout, actor);
        db.AuditEntries.Add(new AuditEntry { At = time.GetUtcNow(), Actor = actor, Action = "layout-save", Details = $"layout '{layout.Name}' saved" });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return [];
    }

    public async Task<bool> DeleteAsync(string name, string actor, CancellationToken cancellationToken)
    {
        var stored = await db.SavedLayouts.FirstOrDefaultAsync(l => l.Name == name, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return false;
        }

        db.SavedLayouts.Remove(stored);
        db.AuditEntries.Add(new AuditEntry { At = time.GetUtcNow(), Actor = actor, Action = "layout-delete", Details = $"layout '{name}' deleted" });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The layouts as the JSON file another instance imports.</summary>
    public static string ToJson(IEnumerable<LayoutDefinition> layouts) =>
        JsonSerializer.Serialize(new LayoutFile(FileFormat, FileVersion, layouts.ToList()), Json);

    /// <summary>The layouts a JSON file holds, or why it cannot be read: every problem of every layout, named.</summary>
    public static (IReadOnlyList<LayoutDefinition> Layouts, IReadOnlyList<string> Problems) FromJson(string json)
    {
        LayoutFile? file;
        try
        {
            file = JsonSerializer.Deserialize<LayoutFile>(json, Json);
        }
        catch (JsonException ex)
        {
            return ([], [$"the file is not a layouts file this dashboard writes: {ex.Message}"]);
        }

        if (file is null || file.Format != FileFormat)
        {
            return ([], [$"the file is not a layouts file this dashboard writes (its \"format\" must be \"{FileFormat}\")"]);
        }

        if (file.Version != FileVersion)
        {
            return ([], [$"the layouts file is version {file.Version}; this dashboard reads version {FileVersion}"]);
        }

        var layouts = file.Layouts ?? [];
        var problems = layouts.SelectMany(l => l.Problems().Select(p => $"layout '{l.Name}': {p}"))
            .Concat(layouts.GroupBy(l => l.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => $"layout '{g.Key}' is in the file more than once"))
            .ToList();
        return (problems.Count == 0 ? layouts : [], problems);
    }

    /// <summary>Saves every layout of a JSON file, or none when any has a problem. Returns the names saved and the problems.</summary>
    public async Task<(IReadOnlyList<string> Saved, IReadOnlyList<string> Problems)> ImportJsonAsync(string json, string actor, CancellationToken cancellationToken)
    {
        var (layouts, problems) = FromJson(json);
        if (problems.Count > 0)
        {
            return ([], problems);
        }

        foreach (var layout in layouts)
        {
            Store(layout, actor);
        }

        var names = layouts.Select(l => l.Name).ToList();
        db.AuditEntries.Add(new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Action = "layout-import",
            Details = Truncate($"layouts imported: {string.Join(", ", names)}", 2000),
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return (names, []);
    }

    private void Store(LayoutDefinition layout, string actor)
    {
        var stored = db.SavedLayouts.Local.FirstOrDefault(l => l.Name == layout.Name)
            ?? db.SavedLayouts.FirstOrDefault(l => l.Name == layout.Name);
        var definition = JsonSerializer.Serialize(layout, Json);
        if (stored is null)
        {
            db.SavedLayouts.Add(new SavedLayout
            {
                Name = layout.Name,
                HeaderSignature = LayoutDefinition.SignatureOf(layout.Header),
                Definition = definition,
                SavedAt = time.GetUtcNow(),
                SavedBy = Truncate(actor, 256),
            });
        }
        else
        {
            stored.HeaderSignature = LayoutDefinition.SignatureOf(layout.Header);
            stored.Definition = definition;
            stored.SavedAt = time.GetUtcNow();
            stored.SavedBy = Truncate(actor, 256);
        }
    }

    private static LayoutDefinition Parse(string json) =>
        JsonSerializer.Deserialize<LayoutDefinition>(json, Json) ?? throw new InvalidOperationException("A saved layout is empty.");

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..length];

    private sealed record LayoutFile(string Format, int Version, IReadOnlyList<LayoutDefinition>? Layouts);
}
