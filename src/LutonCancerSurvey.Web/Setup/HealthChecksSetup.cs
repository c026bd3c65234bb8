using LutonCancerSurvey.Core.Data;

namespace LutonCancerSurvey.Web.Setup;

public static class HealthChecksSetup
{
    public static WebApplicationBuilder AddSurveyHealthChecks(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddDbContextCheck<SurveyDbContext>("database");
        return builder;
    }
}
