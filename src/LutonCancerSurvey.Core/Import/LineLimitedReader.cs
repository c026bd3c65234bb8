using System.Globalization;

namespace LutonCancerSurvey.Core.Import;

/// <summary>
/// Hands text to the CSV parser and refuses a line longer than <see cref="ImportLimits.MaxLineLength"/>, before the
/// parser has grown its buffer to hold it. Lines are counted as physical lines (a quoted field may span several).
/// </summary>
internal sealed class LineLimitedReader(TextReader inner, int maxLineLength) : TextReader
{
    private int _sinceNewline;
    private int _line = 1;

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        var c = inner.Read();
        if (c >= 0)
        {
            Count(new ReadOnlySpan<char>([(char)c]));
        }

        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        var read = inner.Read(buffer);
        Count(buffer[..read]);
        return read;
    }

    public override async ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        Count(buffer.Span[..read]);
        return read;
    }

    public override Task<int> ReadAsync(char[] buffer, int index, int count) =>
        ReadAsync(buffer.AsMemory(index, count)).AsTask();

    private void Count(ReadOnlySpan<char> chars)
    {
        while (!chars.IsEmpty)
        {
            var newline = chars.IndexOf('\n');
            var length = newline < 0 ? chars.Length : newline;
            if (_sinceNewline + length > maxLineLength)
            {
                throw new ImportFormatException(
                    string.Create(CultureInfo.InvariantCulture,
                        $"line {_line:N0} is longer than {maxLineLength:N0} characters, more than any valid row needs; nothing was imported"),
                    _line);
            }

            if (newline < 0)
            {
                _sinceNewline += length;
                return;
            }

            _sinceNewline = 0;
            _line++;
            chars = chars[(newline + 1)..];
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
