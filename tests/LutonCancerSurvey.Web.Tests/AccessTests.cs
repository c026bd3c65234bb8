using System.Net;
using LutonCancerSurvey.Web.Access;
using LutonCancerSurvey.Web.Tests.Support;

namespace LutonCancerSurvey.Web.Tests;

public class AccessTests : IClassFixture<DashboardFactory>
{
    private readonly DashboardFactory _app;

    public AccessTests(DashboardFactory app) => _app = app;

    public static TheoryData<string, string?, HttpStatusCode, string?> Matrix()
    {
        var data = new TheoryData<string, string?, HttpStatusCode, string?>();
        string[] open = ["/", "/organisations", "/organisations?q=luton", "/organisations/06P", "/organisations/06P/questions/59?year=2016",
            "/compare?codes=06P", "/about", "/account/sign-in", "/health", "/api/v1/organisations", "/api/v1/organisations/06P/results",
            "/openapi/v1.json"];
        string[] admin = ["/admin", "/admin/upload", "/admin/users", "/admin/audit"];
        foreach (var role in new[] { null, Roles.Commissioner, Roles.Administrator })
        {
            foreach (var url in open)
            {
                data.Add(url, role, HttpStatusCode.OK, null);
            }

            foreach (var url in admin)
            {
                data.Add(url, role, role == Roles.Administrator ? HttpStatusCode.OK : HttpStatusCode.Redirect,
                    role is null ? "/account/sign-in" : role == Roles.Commissioner ? "/account/access-denied" : null);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Route_ForEachRole_IsServedOrRefusedAsExpected(string url, string? role, HttpStatusCode status, string? redirectTo)
    {
        using var client = await _app.ClientAsAsync(role);

        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));

        response.StatusCode.Should().Be(status);
        if (redirectTo is not null)
        {
            new Uri(client.BaseAddress!, response.Headers.Location!).AbsolutePath.Should().Be(redirectTo);
        }
    }

    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_IsLockedOutEvenWithTheRightOne()
    {
        var email = await _app.CreateUserAsync(Roles.Commissioner);
        using var client = _app.NewClient();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await client.SignInAsync(email, "Not-The-Password-1!");
            wrong.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        using var right = await client.SignInAsync(email, Accounts.Password);
        var body = await right.Content.ReadAsStringAsync();

        right.StatusCode.Should().Be(HttpStatusCode.OK, "a locked-out sign-in stays on the sign-in page");
        body.Should().Contain(LutonCancerSurvey.Web.Pages.Account.SignInModel.FailureMessage);
        right.Headers.Contains("Set-Cookie").Should().BeFalse("no sign-in cookie is issued");
    }

    [Fact]
    public async Task AdminPost_WithoutAntiforgeryToken_IsRefusedAndChangesNothing()
    {
        using var client = await _app.ClientAsAsync(Roles.Administrator);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["year"] = "2016" });

        using var response = await client.PostAsync(new Uri("/admin?handler=Unpublish", UriKind.Relative), form);
        using var anonymous = _app.NewClient();
        var overview = await anonymous.GetStringAsync(new Uri("/", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        overview.Should().Contain("data-testid=\"overall-score\">8.7<");
    }

    [Fact]
    public async Task EveryResponse_CarriesSecurityHeadersWithAStrictScriptPolicy()
    {
        using var client = _app.NewClient();

        using var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));

        csp.Should().Contain("script-src 'self'").And.Contain("frame-ancestors 'none'").And.NotContain("unsafe-inline");
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        response.Headers.GetValues("Referrer-Policy").Should().Equal("strict-origin-when-cross-origin");
    }

    [Fact]
    public async Task SignInCookie_IsSecureHttpOnlyAndSameSite()
    {
        var email = await _app.CreateUserAsync(Roles.Commissioner);
        using var client = _app.NewClient();

        using var response = await client.SignInAsync(email, Accounts.Password);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("lcs.auth=", StringComparison.Ordinal));

        cookie.Should().Contain("secure").And.Contain("httponly").And.Contain("samesite=lax");
    }

    [Fact]
    public async Task UnknownApiRoute_AnswersProblemJsonWithoutDetailsOfTheServer()
    {
        using var client = _app.NewClient();

        using var response = await client.GetAsync(new Uri("/api/v1/organisations/ZZZ/results?year=abc", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();

        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        body.Should().NotContain("Exception").And.NotContain("SELECT");
    }

    [Fact]
    public async Task CreateAdmin_WithAPasswordArgument_IsRefused()
    {
        var command = LutonCancerSurvey.Web.CommandLine.Commands.Parse(["create-admin", "--email", "a@example.nhs.uk", "--password", "x"]);

        var exit = await command!.RunAsync(_app.Services);

        exit.Should().Be(2);
    }
}
