using Serilog;
using Serilog.Formatting.Compact;

namespace LutonCancerSurvey.Web.Setup;

public static class LoggingSetup
{
    /// <summary>Logs what happens before configuration is read, so a failure at start-up is never silent.</summary>
    public static Serilog.ILogger CreateBootstrapLogger() =>
        new LoggerConfiguration()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateBootstrapLogger();

    public static WebApplicationBuilder AddSurveyLogging(this WebApplicationBuilder builder)
    {
        var json = builder.Configuration.GetValue<bool>("Logging:Json");
        // The static bootstrap logger is kept, not frozen into the app's: several hosts in one process (the
        // integration tests) would otherwise race to freeze it and all but one fail to start.
        builder.Services.AddSerilog(
            (services, logger) =>
        {
            logger.ReadFrom.Configuration(builder.Configuration)
                .ReadFrom.Services(services)
                .Enrich.FromLogContext();

            // Production log collectors want one JSON object a line; people at a terminal want text.
            if (json)
            {
                logger.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
            else
            {
                logger.WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture);
            }
        },
            preserveStaticLogger: true);
        return builder;
    }
}
