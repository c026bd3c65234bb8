using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Queries;

namespace LutonCancerSurvey.Web.Setup;

public static class ServicesSetup
{
    public static WebApplicationBuilder AddSurveyServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<SurveyImporter>();
        builder.Services.AddScoped<DashboardQueries>();
        builder.Services.AddRazorPages();
        return builder;
    }
}
