using LutonCancerSurvey.Web.Api;
using LutonCancerSurvey.Web.Presentation;
using Serilog;

namespace LutonCancerSurvey.Web.Setup;

public static class PipelineSetup
{
    public static WebApplication UseSurveyPipeline(this WebApplication app)
    {
        app.WarnAboutTransportSecurity();
        if (!app.Environment.IsDevelopment())
        {
            // API clients get problem+json and people a plain error page; details go to the log only.
            app.UseWhen(
                context => context.Request.Path.StartsWithSegments("/api"),
                api => api.UseExceptionHandler(new ExceptionHandlerOptions
                {
                    ExceptionHandler = context => Results.Problem(
                        title: "Something went wrong",
                        detail: "The server could not answer this request. Try again later.",
                        statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(context),
                }));
            app.UseExceptionHandler("/Error");
            app.UseHsts();
            app.UseHttpsRedirectionWherePossible();
        }

        app.UseHttpsForSignIn();
        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
        app.UseSerilogRequestLogging(options =>
        {
            // The static logger is kept as the bootstrap one (LoggingSetup), so name the app's configured logger:
            // without it request lines ignore the configured levels and the JSON format.
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.GetLevel = LoggingSetup.RequestLevel;
        });
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseUploadSizeLimit();
        app.UseOutputCache();
        // Inside the output cache, so a cached page is compressed once and then served as stored.
        app.UseResponseCompression();
        app.MapHealthChecks("/health");
        // HEAD as well as GET, as the API itself answers; the server sends no body to a HEAD.
        app.MapOpenApi().WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]));
        app.MapResultsApi();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
