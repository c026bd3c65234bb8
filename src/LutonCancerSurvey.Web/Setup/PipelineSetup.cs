using LutonCancerSurvey.Web.Api;
using Serilog;

namespace LutonCancerSurvey.Web.Setup;

public static class PipelineSetup
{
    public static WebApplication UseSurveyPipeline(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // Users get a plain error page; details go to the log only.
            app.UseExceptionHandler("/Error");
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
        app.UseSerilogRequestLogging();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseOutputCache();
        app.MapHealthChecks("/health");
        app.MapOpenApi();
        app.MapResultsApi();
        app.MapStaticAssets();
        app.MapRazorPages().WithStaticAssets();
        return app;
    }
}
