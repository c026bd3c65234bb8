using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace LutonCancerSurvey.Web.Tests.Security;

/// <summary>The dashboard in a chosen environment with extra settings, its warnings and errors collected.</summary>
public sealed class ConfiguredDashboard : DashboardFactory
{
    private readonly string _environment;
    private readonly IReadOnlyDictionary<string, string> _settings;

    public ConfiguredDashboard(string environment, IReadOnlyDictionary<string, string>? settings = null)
    {
        _environment = environment;
        _settings = settings ?? new Dictionary<string, string>();
    }

    /// <summary>Another instance over the database of <paramref name="first"/>.</summary>
    public ConfiguredDashboard(ConfiguredDashboard first, IReadOnlyDictionary<string, string>? settings = null)
        : base(first?.DatabasePath!, ownsDatabase: false)
    {
        _environment = first!._environment;
        _settings = settings ?? first._settings;
    }

    public LogCollector Log { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(_environment);
        // Production refuses to serve with its keys unencrypted; tests about anything else run as a trial would.
        builder.UseSetting("DataProtection:AllowUnencryptedKeys", "true");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Log));
    }

    public sealed class LogCollector : ILogEventSink
    {
        private readonly System.Collections.Concurrent.ConcurrentQueue<LogEvent> _events = new();

        public IReadOnlyList<string> Warnings =>
            _events.Where(e => e.Level == LogEventLevel.Warning).Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);
    }
}
