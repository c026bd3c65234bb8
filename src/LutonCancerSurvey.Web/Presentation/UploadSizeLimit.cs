using LutonCancerSurvey.Web.Pages.Admin;

namespace LutonCancerSurvey.Web.Presentation;

/// <summary>
/// Answers an upload larger than <see cref="UploadModel.MaxBytes"/> with 413 and a page naming the limit. Left to the
/// page, the form would be read first by the antiforgery check, whose failure on the oversized body is a bare 400.
/// A body that states its length is refused before it is read; one sent in chunks, without a length, is counted as it
/// is read and refused once it passes the limit.
/// </summary>
public static class UploadSizeLimit
{
    public static IApplicationBuilder UseUploadSizeLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsPost(context.Request.Method)
                || !context.Request.Path.StartsWithSegments("/admin/upload", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            if (context.Request.ContentLength > UploadModel.MaxBytes)
            {
                RefuseTooLarge(context);
                return;
            }

            if (context.Request.ContentLength is not null)
            {
                await next(context);
                return;
            }

            var counted = new CountingStream(context.Request.Body, UploadModel.MaxBytes);
            context.Request.Body = counted;
            try
            {
                await next(context);
            }
            catch (Exception) when (counted.PassedLimit && !context.Response.HasStarted)
            {
                // Whatever read the body (the form reader, the antiforgery check) turned the refusal into its own error.
            }

            if (counted.PassedLimit && !context.Response.HasStarted)
            {
                context.Response.Clear();
                RefuseTooLarge(context);
            }
        });

    private static void RefuseTooLarge(HttpContext context)
    {
        // The error page is then rendered for this request: nothing on the way may read the refused body.
        context.Request.Headers.ContentType = default;
        context.Request.ContentLength = 0;
        context.Request.Body = Stream.Null;
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
    }

    /// <summary>Reads through to the request body and fails, remembering why, once more than the limit has come.</summary>
    private sealed class CountingStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public bool PassedLimit { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            if (_read > limit)
            {
                PassedLimit = true;
                throw new BadHttpRequestException("The upload is larger than the most one upload may be.", StatusCodes.Status413PayloadTooLarge);
            }

            return read;
        }
    }
}
