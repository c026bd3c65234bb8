using LutonCancerSurvey.Web.Pages.Admin;

namespace LutonCancerSurvey.Web.Presentation;

/// <summary>
/// Answers an upload larger than <see cref="UploadModel.MaxBytes"/> with 413 and a page naming the limit. Left to the
/// page, the form would be read first by the antiforgery check, whose failure on the oversized body is a bare 400.
/// </summary>
public static class UploadSizeLimit
{
    public static IApplicationBuilder UseUploadSizeLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method)
                && context.Request.Path.StartsWithSegments("/admin/upload", StringComparison.OrdinalIgnoreCase)
                && context.Request.ContentLength > UploadModel.MaxBytes)
            {
                // The error page is then rendered for this request: nothing on the way may read the refused body.
                context.Request.Headers.ContentType = default;
                context.Request.ContentLength = 0;
                context.Request.Body = Stream.Null;
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            await next(context);
        });
}
