using Serilog;
using Serilog.Events;
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

    /// <summary>
    /// The level of a request's log line: an error only when the server failed. A visitor who closes the page (or a
    /// load test ending) cancels the request, which is not the server's fault and would otherwise read as a 500.
    /// </summary>
    public static LogEventLevel RequestLevel(HttpContext context, double elapsedMilliseconds, Exception? exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.RequestAborted.IsCancellationRequested && exception is null or OperationCanceledException or IOException)
        {
            return LogEventLevel.Information;
        }

        return exception is not null || context.Response.StatusCode >= StatusCodes.Status500InternalServerError
            ? LogEventLevel.Error
            : LogEventLevel.Information;
    }
}
