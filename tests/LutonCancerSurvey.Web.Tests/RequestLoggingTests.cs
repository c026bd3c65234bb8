using System.Collections.Concurrent;
using LutonCancerSurvey.Web.Setup;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace LutonCancerSurvey.Web.Tests;

public class RequestLoggingTests
{
    [Fact]
    public async Task RequestLine_IsWrittenByTheConfiguredLogger()
    {
        var sink = new CollectingSink();
        using var app = new DashboardFactory();
        using var withSink = app.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Serilog:MinimumLevel:Default", "Information");
            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(sink));
        });
        using var client = withSink.CreateClient();

        using var response = await client.GetAsync(new Uri("/about", UriKind.Relative));

        sink.Events.Should().ContainSingle(e => e.MessageTemplate.Text.StartsWith("HTTP {RequestMethod} {RequestPath} responded", StringComparison.Ordinal)
            && e.Properties["RequestPath"].ToString() == "\"/about\"" && e.Level == LogEventLevel.Information);
    }

    [Fact]
    public void RequestLevel_OfARequestTheVisitorAbandoned_IsNotAnError()
    {
        using var aborted = new CancellationTokenSource();
        aborted.Cancel();
        var context = new DefaultHttpContext { RequestAborted = aborted.Token };
        context.Response.StatusCode = StatusCodes.Status500InternalServerError;

        LoggingSetup.RequestLevel(context, 12, new TaskCanceledException()).Should().Be(LogEventLevel.Information);
    }

    [Fact]
    public void RequestLevel_OfAnAbandonedRequestThatAlsoFailed_IsAnError()
    {
        using var aborted = new CancellationTokenSource();
        aborted.Cancel();
        var context = new DefaultHttpContext { RequestAborted = aborted.Token };

        LoggingSetup.RequestLevel(context, 12, new InvalidOperationException("timeout")).Should().Be(LogEventLevel.Error);
    }

    [Theory]
    [InlineData(200, false, LogEventLevel.Information)]
    [InlineData(404, false, LogEventLevel.Information)]
    [InlineData(500, false, LogEventLevel.Error)]
    [InlineData(200, true, LogEventLevel.Error)]
    public void RequestLevel_IsAnErrorOnlyWhenTheServerFailed(int status, bool threw, LogEventLevel expected)
    {
        var context = new DefaultHttpContext();
        context.Response.StatusCode = status;

        LoggingSetup.RequestLevel(context, 12, threw ? new InvalidOperationException("boom") : null).Should().Be(expected);
    }

    private sealed class CollectingSink : ILogEventSink
    {
        private readonly ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyList<LogEvent> Events => [.. _events];

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}
