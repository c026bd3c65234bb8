using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using LutonCancerSurvey.Web.Access;
using LutonCancerSurvey.Web.Tests.Support;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LutonCancerSurvey.Web.Tests.Security;

/// <summary>
/// The keys that protect sign-in cookies, kept in the database: encrypted at rest with a certificate, or in Production
/// not served at all unless unencrypted keys are allowed on purpose; and keys written in the clear before the
/// certificate was given are revoked, so a backup holding one cannot forge a sign-in.
/// </summary>
public class DataProtectionKeyTests
{
    private const string CertificatePassword = "Invented-Test-Password-1";
    private static readonly Uri Admin = new("/admin", UriKind.Relative);

    [Fact]
    public async Task StartUp_InProductionWithoutACertificateForTheKeys_RefusesToStartAndNamesTheSettings()
    {
        var database = Path.Combine(Path.GetTempPath(), $"lcs-web-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo(
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            [Path.Combine(AppContext.BaseDirectory, "LutonCancerSurvey.Web.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ConnectionStrings__Survey"] = $"Data Source={database}";
        start.Environment["Logging__Json"] = "false";
        foreach (var inherited in start.Environment.Keys.Where(k => k.StartsWith("DataProtection__", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(inherited);
        }

        using var app = Process.Start(start)!;
        var output = app.StandardOutput.ReadToEndAsync();
        var errors = app.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await app.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            app.Kill(entireProcessTree: true);
            await app.WaitForExitAsync();
        }

        var said = await output + await errors;
        app.ExitCode.Should().Be(1, "the app must stop by itself, not keep serving: {0}", said);
        said.Should().Contain("stored UNENCRYPTED").And.Contain("DataProtection__Certificate__Path")
            .And.Contain("DataProtection__AllowUnencryptedKeys=true");
        File.Exists(database).Should().BeFalse("it refuses before it creates or migrates the database");
    }

    [Fact]
    public async Task StartUp_InProductionWithUnencryptedKeysAllowed_ServesAndWarnsLoudly()
    {
        using var app = new ConfiguredDashboard("Production", new Dictionary<string, string> { ["DataProtection:AllowUnencryptedKeys"] = "true" });
        using var client = Client(app);

        using var health = await client.GetAsync(new Uri("/health", UriKind.Relative));

        health.StatusCode.Should().Be(HttpStatusCode.OK);
        app.Log.Warnings.Should().Contain(w => w.Contains("stored UNENCRYPTED", StringComparison.Ordinal)
            && w.Contains("DataProtection__AllowUnencryptedKeys=true", StringComparison.Ordinal)
            && w.Contains("DataProtection__Certificate__Path", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DataProtectionKeys_WithACertificate_AreEncryptedAtRest_AndReadByAnotherInstanceWithIt()
    {
        using var certificate = new CertificateFile();
        using var first = new ConfiguredDashboard("Production", certificate.Settings);
        var email = await first.CreateUserAsync(Roles.Administrator);
        using var client = Client(first);
        using var signedIn = await client.SignInAsync(email, Accounts.Password);
        var cookie = AuthCookie(signedIn);
        using var second = new ConfiguredDashboard(first);
        using var onSecond = Client(second);
        onSecond.DefaultRequestHeaders.Add("Cookie", cookie);

        using var admin = await onSecond.GetAsync(Admin);
        var keys = await StoredKeysAsync(first);

        keys.Should().NotBeEmpty();
        keys.Should().AllSatisfy(xml => xml.Should().Contain("EncryptedXmlDecryptor").And.NotContain("<masterKey"));
        admin.StatusCode.Should().Be(HttpStatusCode.OK, "the second instance decrypts the keys with the same certificate");
        first.Log.Warnings.Should().NotContain(w => w.Contains("stored UNENCRYPTED", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartUp_WithACertificateOverAnUnencryptedKey_RevokesItForANewEncryptedKey_SoItsCookiesNoLongerSignIn()
    {
        using var certificate = new CertificateFile();
        using var unencrypted = new ConfiguredDashboard("Production", new Dictionary<string, string> { ["DataProtection:AllowUnencryptedKeys"] = "true" });
        var email = await unencrypted.CreateUserAsync(Roles.Administrator);
        using var client = Client(unencrypted);
        using var signedIn = await client.SignInAsync(email, Accounts.Password);
        var oldCookie = AuthCookie(signedIn);
        using var before = await client.GetAsync(Admin);
        var oldKey = unencrypted.Services.GetRequiredService<IKeyManager>().GetAllKeys().Single().KeyId;

        using var encrypted = new ConfiguredDashboard(unencrypted, certificate.Settings);
        using var replay = Client(encrypted);
        replay.DefaultRequestHeaders.Add("Cookie", oldCookie);
        using var replayed = await replay.GetAsync(Admin);
        using var fresh = Client(encrypted);
        using var signedInAgain = await fresh.SignInAsync(email, Accounts.Password);
        using var afterSignIn = await fresh.GetAsync(Admin);
        var keys = encrypted.Services.GetRequiredService<IKeyManager>().GetAllKeys();
        var stored = (await StoredKeysAsync(encrypted)).Select(XElement.Parse).Where(x => x.Name == "key")
            .ToDictionary(x => Guid.Parse(x.Attribute("id")!.Value), x => x.ToString());

        before.StatusCode.Should().Be(HttpStatusCode.OK);
        keys.Should().HaveCount(2);
        keys.Single(k => k.KeyId == oldKey).IsRevoked.Should().BeTrue();
        var newKey = keys.Single(k => k.KeyId != oldKey);
        newKey.IsRevoked.Should().BeFalse();
        stored[newKey.KeyId].Should().Contain("EncryptedXmlDecryptor").And.NotContain("<masterKey");
        replayed.StatusCode.Should().Be(HttpStatusCode.Redirect, "a cookie protected with the revoked key is no sign-in");
        new Uri(replay.BaseAddress!, replayed.Headers.Location!).AbsolutePath.Should().Be("/account/sign-in");
        afterSignIn.StatusCode.Should().Be(HttpStatusCode.OK, "signing in again uses the new key");
        encrypted.Log.Warnings.Should().Contain(w => w.StartsWith("Revoked 1 data-protection key(s) stored unencrypted", StringComparison.Ordinal)
            && w.Contains("everyone must sign in again", StringComparison.Ordinal));
    }

    private static HttpClient Client(ConfiguredDashboard app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://dashboard.example.nhs.uk"), AllowAutoRedirect = false });

    private static string AuthCookie(HttpResponseMessage signedIn) =>
        signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-lcs.auth=", StringComparison.Ordinal)).Split(';')[0];

    private static async Task<List<string>> StoredKeysAsync(DashboardFactory app)
    {
        await using var db = app.NewDbContext();
        return await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml!).ToListAsync();
    }

    /// <summary>A self-signed certificate with its private key in a PKCS#12 file, as an operator would give it.</summary>
    private sealed class CertificateFile : IDisposable
    {
        private readonly string _path = Path.Combine(Path.GetTempPath(), $"lcs-keys-{Guid.NewGuid():N}.pfx");

        public CertificateFile()
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=Luton Cancer Survey test keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            File.WriteAllBytes(_path, certificate.Export(X509ContentType.Pkcs12, CertificatePassword));
        }

        public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
        {
            ["DataProtection:Certificate:Path"] = _path,
            ["DataProtection:Certificate:Password"] = CertificatePassword,
        };

        public void Dispose() => File.Delete(_path);
    }
}
