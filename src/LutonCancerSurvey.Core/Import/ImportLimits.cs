namespace LutonCancerSurvey.Core.Import;

/// <summary>
/// What one import may read. A 9 MB gzip of zeros decompresses to 9 GB, and one line with no end would otherwise be
/// buffered whole by the CSV parser; these bounds turn both into a clear error while memory stays flat.
/// </summary>
public static class ImportLimits
{
    /// <summary>
    /// 512 MiB: the real 2018 combined file is 96,956,133 bytes (92.5 MiB) once decompressed, so five times that.
    /// Operators may change it with <c>Import:MaxDecompressedBytes</c>.
    /// </summary>
    public const long DefaultMaxDecompressedBytes = 512L * 1024 * 1024;

    /// <summary>
    /// The longest line the parser may hold, in characters. The real file's longest line has 537; no field may be
    /// longer than its column's declared size (400 characters at most), so 16,384 leaves room for any valid row.
    /// </summary>
    public const int MaxLineLength = 16_384;

    public const string ConfigurationKey = "Import:MaxDecompressedBytes";
}
