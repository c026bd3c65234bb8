using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace LutonCancerSurvey.Core.Import;

/// <summary>
/// Decompresses gzip and, at the end, checks the trailer's CRC-32 and length. .NET's GZipStream ends quietly on a
/// truncated file, which would import half a file as if it were whole. It also stops at a bound on the decompressed
/// size, so a small file that expands to gigabytes (a "zip bomb") is refused after reading no more than the bound.
/// </summary>
internal sealed class CheckedGzipStream : Stream
{
    private readonly GZipStream _inner;
    private readonly uint _expectedCrc;
    private readonly uint _expectedLength;
    private readonly bool _hasTrailer;
    private readonly Crc32 _crc = new();
    private readonly long _maxLength;
    private long _length;
    private bool _checked;

    public CheckedGzipStream(Stream compressed, long maxLength)
    {
        _maxLength = maxLength;
        ArgumentNullException.ThrowIfNull(compressed);
        Span<byte> trailer = stackalloc byte[8];
        _hasTrailer = compressed.Length >= 18;
        if (_hasTrailer)
        {
            compressed.Seek(-8, SeekOrigin.End);
            compressed.ReadExactly(trailer);
            _expectedCrc = BinaryPrimitives.ReadUInt32LittleEndian(trailer);
            _expectedLength = BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]);
        }

        compressed.Seek(0, SeekOrigin.Begin);
        _inner = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = _inner.Read(buffer);
        }
        catch (InvalidDataException ex)
        {
            throw new ImportFormatException("the gzip data is corrupt: " + ex.Message, ex);
        }

        if (read > 0)
        {
            _crc.Append(buffer[..read]);
            _length += read;
            if (_length > _maxLength)
            {
                throw new ImportFormatException(TooLarge(_maxLength));
            }
        }
        else
        {
            VerifyTrailer();
        }

        return read;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public static string TooLarge(long maxLength) =>
        $"the file is larger than {Megabytes(maxLength)} once decompressed, the most one import may read; nothing was imported";

    private static string Megabytes(long bytes) => bytes < 1024 * 1024
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes:N0} bytes")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):#,0.#} MiB");

    private void VerifyTrailer()
    {
        if (_checked)
        {
            return;
        }

        _checked = true;
        if (!_hasTrailer || _crc.GetCurrentHashAsUInt32() != _expectedCrc || (uint)_length != _expectedLength)
        {
            throw new ImportFormatException(
                "the gzip file is truncated or damaged (its checksum does not match); nothing was imported");
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>A problem with the file as a whole (not one row): damaged compression, wrong encoding, no header.</summary>
public sealed class ImportFormatException : Exception
{
    public ImportFormatException()
    {
    }

    public ImportFormatException(string message)
        : base(message)
    {
    }

    public ImportFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ImportFormatException(string message, int line)
        : base(message)
    {
        Line = line;
    }

    /// <summary>The line the problem was found on, or 0 when it belongs to the file as a whole.</summary>
    public int Line { get; }

    /// <summary>The workbook sheet <see cref="Line"/> is a row of; null for a CSV file.</summary>
    public string? Sheet { get; init; }
}
