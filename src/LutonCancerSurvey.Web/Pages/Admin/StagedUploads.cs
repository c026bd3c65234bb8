using System.Globalization;

namespace LutonCancerSurvey.Web.Pages.Admin;

/// <summary>One upload waiting for its administrator to confirm or cancel it.</summary>
public sealed record StagedUpload(string Id, string FileName, long Bytes, DateTimeOffset StagedAt);

/// <summary>
/// Uploads kept outside wwwroot, under a random name, between their preview and the administrator's confirm or cancel.
/// A preview never answered, or a confirm cut short by a crash, would otherwise keep its file (up to 200 MiB) for
/// ever: those older than <c>Uploads:KeepHours</c> (24 by default) are removed at start-up and every hour after.
/// </summary>
public sealed class StagedUploads(IConfiguration configuration, IWebHostEnvironment environment, TimeProvider time)
{
    private const string Ending = ".upload";

    public string Folder { get; } = Path.GetFullPath(
        configuration["Uploads:Path"] ?? Path.Combine(environment.ContentRootPath, "App_Data", "uploads"));

    public TimeSpan KeepFor { get; } = TimeSpan.FromHours(configuration.GetValue("Uploads:KeepHours", 24.0));

    public string PathOf(string id) => Path.Combine(Folder, id + Ending);

    public bool IsWaiting(string? id) => Guid.TryParseExact(id, "N", out _) && File.Exists(PathOf(id!));

    /// <summary>An upload's file, and the notes kept beside it: its name and the layout chosen for it.</summary>
    private static readonly string[] Notes = [".name", ".layout"];

    public void Delete(string id)
    {
        File.Delete(PathOf(id));
        foreach (var note in Notes)
        {
            File.Delete(PathOf(id) + note);
        }
    }

    /// <summary>Every staged upload, newest first; a file whose name was never written shows as "(unnamed)".</summary>
    public IReadOnlyList<StagedUpload> List()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        return new DirectoryInfo(Folder).EnumerateFiles("*" + Ending)
            .Where(f => Guid.TryParseExact(Path.GetFileNameWithoutExtension(f.Name), "N", out _))
            .Select(f =>
            {
                var id = Path.GetFileNameWithoutExtension(f.Name);
                var nameFile = PathOf(id) + ".name";
                var name = File.Exists(nameFile) ? File.ReadAllText(nameFile) : "(unnamed)";
                return new StagedUpload(id, name, f.Length, new DateTimeOffset(f.LastWriteTimeUtc, TimeSpan.Zero));
            })
            .OrderByDescending(u => u.StagedAt)
            .ToList();
    }

    /// <summary>Removes uploads staged longer ago than <see cref="KeepFor"/>, and names left without their file.</summary>
    public IReadOnlyList<string> RemoveStale()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }

        var oldest = time.GetUtcNow() - KeepFor;
        var removed = new List<string>();
        foreach (var file in new DirectoryInfo(Folder).GetFiles())
        {
            file.Refresh();
            if (!file.Exists)
            {
                continue; // the name of an upload removed just before
            }

            var isUpload = file.Name.EndsWith(Ending, StringComparison.Ordinal);
            var note = Notes.FirstOrDefault(n => file.Name.EndsWith(Ending + n, StringComparison.Ordinal));
            var isOrphanName = note is not null && !File.Exists(file.FullName[..^note.Length]);
            if ((isUpload && file.LastWriteTimeUtc < oldest.UtcDateTime) || isOrphanName)
            {
                file.Delete();
                removed.Add(file.Name);
                if (isUpload)
                {
                    foreach (var kept in Notes)
                    {
                        File.Delete(file.FullName + kept);
                    }
                }
            }
        }

        return removed;
    }

    public static string Describe(StagedUpload upload, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var age = now - upload.StagedAt;
        var ago = age.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)age.TotalHours} h ago")
            : string.Create(CultureInfo.InvariantCulture, $"{Math.Max(0, (int)age.TotalMinutes)} min ago");
        return string.Create(CultureInfo.InvariantCulture, $"{upload.Bytes / (1024.0 * 1024):0.0} MiB, staged {ago}");
    }
}

/// <summary>Removes stale staged uploads when the app starts and then every hour.</summary>
public sealed partial class StagedUploadSweeper(StagedUploads uploads, TimeProvider time, ILogger<StagedUploadSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                var removed = uploads.RemoveStale();
                if (removed.Count > 0)
                {
                    LogRemoved(logger, removed.Count, uploads.KeepFor.TotalHours);
                }
            }
            catch (IOException ex)
            {
                LogFailed(logger, ex);
            }
            catch (UnauthorizedAccessException ex)
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Count} staged upload files older than {Hours} hours or without their upload")]
    private static partial void LogRemoved(ILogger logger, int count, double hours);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove stale staged uploads")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
