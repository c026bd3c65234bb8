using System.Net;
using LutonCancerSurvey.Web.Access;
using LutonCancerSurvey.Web.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LutonCancerSurvey.Web.Tests.Security;

/// <summary>The app as it runs in Production: HTTPS for sign-in, HSTS, prefixed cookies, trusted proxies.</summary>
public class TransportSecurityTests
{
    private static HttpClient Client(ConfiguredDashboard app, string baseAddress) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(baseAddress), AllowAutoRedirect = false });

    [Fact]
    public async Task SignInPage_InProductionOverPlainHttp_AnswersThatHttpsIsRequired_AndTheLogSaysWhatToSet()
    {
        using var app = new ConfiguredDashboard("Production");
        using var client = Client(app, "http://localhost");

        using var signIn = await client.GetAsync(new Uri("/account/sign-in?ReturnUrl=%2Fadmin", UriKind.Relative));
        using var post = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), new FormUrlEncodedContent([]));
        using var admin = await client.GetAsync(new Uri("/admin/users", UriKind.Relative));
        using var overview = await client.GetAsync(new Uri("/", UriKind.Relative));
        var page = await Html.ParseAsync(await signIn.Content.ReadAsStringAsync());

        signIn.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        page.QuerySelector("h1")!.TextContent.Should().Be("Signing in needs a secure connection");
        page.Body!.TextContent.Should().Contain("ASPNETCORE_FORWARDEDHEADERS_ENABLED=true").And.Contain("Security__KnownProxies")
            .And.Contain("Security__RequireHttps=false");
        page.QuerySelector("form").Should().BeNull();
        post.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        admin.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        overview.StatusCode.Should().Be(HttpStatusCode.OK, "published results need no sign-in and stay open over HTTP");
        app.Log.Warnings.Should().Contain(w => w.StartsWith("Sign-in needs HTTPS", StringComparison.Ordinal)
            && w.Contains("ASPNETCORE_FORWARDEDHEADERS_ENABLED=true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_InProductionOverPlainHttp_WithRequireHttpsTurnedOff_SignsIn()
    {
        using var app = new ConfiguredDashboard("Production", new Dictionary<string, string> { ["Security:RequireHttps"] = "false" });
        var email = await app.CreateUserAsync(Roles.Administrator);
        using var client = Client(app, "http://localhost:8080");

        using var response = await client.SignInAsync(email, Accounts.Password);
        using var admin = await client.GetAsync(new Uri("/admin", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        admin.StatusCode.Should().Be(HttpStatusCode.OK);
        app.Log.Warnings.Should().Contain(w => w.StartsWith("Security:RequireHttps is false", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Https_InProduction_CarriesHstsForAYearWithSubdomains()
    {
        using var app = new ConfiguredDashboard("Production");
        using var client = Client(app, "https://dashboard.example.nhs.uk");

        using var response = await client.GetAsync(new Uri("/about", UriKind.Relative));

        response.Headers.GetValues("Strict-Transport-Security").Should().Equal("max-age=31536000; includeSubDomains");
    }

    [Fact]
    public async Task Cookies_InProductionOverHttps_CarryTheHostPrefixWithSecureAndRootPathAndNoDomain()
    {
        using var app = new ConfiguredDashboard("Production");
        var email = await app.CreateUserAsync(Roles.Commissioner);
        using var client = Client(app, "https://dashboard.example.nhs.uk");

        using var page = await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
        using var signedIn = await client.SignInAsync(email, Accounts.Password);
        var antiforgery = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-lcs.antiforgery=", StringComparison.Ordinal));
        var auth = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-lcs.auth=", StringComparison.Ordinal));

        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect);
        foreach (var cookie in new[] { antiforgery, auth })
        {
            cookie.Should().Contain("; path=/;").And.Contain("; secure").And.Contain("; httponly").And.NotContain("domain=");
        }
    }

    [Fact]
    public async Task SignInRateLimit_WithForwardedHeadersEnabled_IgnoresAnAddressTheClientMadeUp()
    {
        using var app = new ConfiguredDashboard("Testing", new Dictionary<string, string>
        {
            ["ForwardedHeaders_Enabled"] = "true",
            ["Security:SignInAttemptsPerMinute"] = "3",
        });
        var form = await app.SignInFormAsync();
        var statuses = new List<int>();

        for (var attempt = 0; attempt < 4; attempt++)
        {
            statuses.Add(await SignInAttemptStatusAsync(app, form, "203.0.113.9", $"198.51.100.{attempt + 1}"));
        }

        statuses.Should().Equal(200, 200, 200, 429);
    }

    [Fact]
    public async Task SignInRateLimit_BehindAKnownProxy_CountsTheClientTheProxyNames()
    {
        using var app = new ConfiguredDashboard("Testing", new Dictionary<string, string>
        {
            ["ForwardedHeaders_Enabled"] = "true",
            ["Security:KnownProxies"] = "10.0.0.2",
            ["Security:SignInAttemptsPerMinute"] = "3",
        });
        var form = await app.SignInFormAsync();
        var statuses = new List<int>();

        // The proxy appends the address it saw to whatever the client sent, so only the last value is the client's.
        for (var attempt = 0; attempt < 4; attempt++)
        {
            statuses.Add(await SignInAttemptStatusAsync(app, form, "10.0.0.2", $"192.0.2.{attempt + 1}, 198.51.100.7"));
        }

        var another = await SignInAttemptStatusAsync(app, form, "10.0.0.2", "198.51.100.8");

        statuses.Should().Equal(200, 200, 200, 429);
        another.Should().Be(200, "another client behind the same proxy has its own limit");
    }

    [Fact]
    public async Task SignInRateLimit_Refusal_SaysHowLongToWaitInTheHeaderAndOnThePage()
    {
        using var app = new ConfiguredDashboard("Testing", new Dictionary<string, string> { ["Security:SignInAttemptsPerMinute"] = "1" });
        using var client = app.NewClient();

        using var allowed = await client.SignInAsync("nobody@example.nhs.uk", "Not-The-Password-1!");
        using var refused = await client.SignInAsync("nobody@example.nhs.uk", "Not-The-Password-1!");
        var page = await Html.ParseAsync(await refused.Content.ReadAsStringAsync());
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);

        refused.StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
        retryAfter.Should().BeInRange(1, 60);
        page.QuerySelector("h1")!.TextContent.Should().Be("Too many attempts to sign in");
        page.Body!.TextContent.Should().Contain($"Wait {retryAfter} second");
    }

    /// <summary>A failed sign-in attempt (200, the page again) or its refusal (429), from a chosen client address.</summary>
    private static async Task<int> SignInAttemptStatusAsync(
        ConfiguredDashboard app, (string Cookie, string Token) form, string remoteAddress, string forwardedFor)
    {
        var body = $"Email=nobody%40example.nhs.uk&Password=Not-The-Password-1%21&__RequestVerificationToken={Uri.EscapeDataString(form.Token)}";
        var context = await app.Server.SendAsync(c =>
        {
            c.Request.Method = HttpMethods.Post;
            c.Request.Path = "/account/sign-in";
            c.Connection.RemoteIpAddress = IPAddress.Parse(remoteAddress);
            c.Request.Headers["X-Forwarded-For"] = forwardedFor;
            c.Request.Headers.Cookie = form.Cookie;
            c.Request.ContentType = "application/x-www-form-urlencoded";
            c.Request.Body = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));
        });
        return context.Response.StatusCode;
    }
}
