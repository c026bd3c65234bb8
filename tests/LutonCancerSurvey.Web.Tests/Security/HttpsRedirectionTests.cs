using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using LutonCancerSurvey.Web.Setup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace LutonCancerSurvey.Web.Tests.Security;

/// <summary>
/// Plain HTTP in Production on a real Kestrel server that also serves HTTPS on two ports: redirected to the port the
/// configuration names, or, when nothing says which port browsers should use, refused with the page that says so.
/// </summary>
public class HttpsRedirectionTests
{
    private sealed class TwoHttpsPorts : DashboardFactory
    {
        private readonly IReadOnlyDictionary<string, string> _settings;

        public TwoHttpsPorts(IReadOnlyDictionary<string, string>? settings = null)
        {
            _settings = settings ?? new Dictionary<string, string>();
            var certificate = LoopbackCertificate();
            UseKestrel(options =>
            {
                options.Listen(IPAddress.Loopback, 0);
                options.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
                options.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
            });
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            PlainAddress = new Uri(addresses.Single(a => a.StartsWith("http:", StringComparison.Ordinal)));
        }

        public Uri PlainAddress { get; }

        public ConfiguredDashboard.LogCollector Log { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseEnvironment("Production");
            builder.UseSetting("DataProtection:AllowUnencryptedKeys", "true");
            foreach (var (key, value) in _settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<ILogEventSink>(Log));
        }

        public HttpClient PlainClient()
        {
#pragma warning disable CA2000 // the client owns and disposes its handler
            return new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }, disposeHandler: true) { BaseAddress = PlainAddress };
#pragma warning restore CA2000
        }

        private static X509Certificate2 LoopbackCertificate()
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), password: null);
        }
    }

    [Fact]
    public async Task PlainHttp_WithTwoHttpsPortsAndNoneNamed_AnswersTheUseHttpsPage_NotAnError()
    {
        using var app = new TwoHttpsPorts();
        using var client = app.PlainClient();

        using var overview = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var signIn = await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
        var page = await Html.ParseAsync(await overview.Content.ReadAsStringAsync());

        overview.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        signIn.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        page.QuerySelector("h1")!.TextContent.Should().Be("This site needs a secure connection");
        page.Body!.TextContent.Should().Contain("HttpsRedirection__HttpsPort");
        app.Log.Warnings.Should().Contain(w => w.StartsWith("The app listens for HTTPS on more than one port", StringComparison.Ordinal)
            && w.Contains("HttpsRedirection__HttpsPort", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("HttpsRedirection:HttpsPort", "8443")]
    [InlineData("HTTPS_PORT", "9443")] // what ASPNETCORE_HTTPS_PORT in the environment becomes
    public async Task PlainHttp_WithTwoHttpsPortsAndOneNamed_IsRedirectedToThatPort(string setting, string port)
    {
        using var app = new TwoHttpsPorts(new Dictionary<string, string> { [setting] = port });
        using var client = app.PlainClient();

        using var response = await client.GetAsync(new Uri("/about?x=1", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.TemporaryRedirect);
        response.Headers.Location.Should().Be(new Uri($"https://127.0.0.1:{port}/about?x=1"));
        app.Log.Warnings.Should().NotContain(w => w.StartsWith("The app listens for HTTPS on more than one port", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://[::]:8080", null, false)]
    [InlineData("http://[::]:8080 https://[::]:8443", 8443, false)]
    [InlineData("https://127.0.0.1:8443 https://[::1]:8443 http://127.0.0.1:8080", 8443, false)]
    [InlineData("https://+:8443 https://*:9443", null, true)]
    [InlineData("https://localhost:443 https://localhost:8443", null, true)]
    public void DecideHttpsRedirectPort_FromTheServerAddresses_FindsTheOneHttpsPortOrSaysItCannot(string addresses, int? port, bool undetermined)
    {
        var configuration = new ConfigurationBuilder().Build();

        var decision = TransportSecuritySetup.DecideHttpsRedirectPort(configuration, addresses.Split(' '));

        decision.Should().Be(new HttpsRedirectPort(port, undetermined));
    }
}
