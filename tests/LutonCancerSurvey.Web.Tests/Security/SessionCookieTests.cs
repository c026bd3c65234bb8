using LutonCancerSurvey.Web.Access;
using LutonCancerSurvey.Web.Tests.Support;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LutonCancerSurvey.Web.Tests.Security;

/// <summary>
/// The sign-in cookie is checked on every request but sent again only when it needs renewing: a Set-Cookie on every
/// answer would make every signed-in page uncacheable anywhere and rewrite the browser's cookie for nothing.
/// </summary>
public class SessionCookieTests
{
    private static readonly Uri About = new("/about", UriKind.Relative);

    [Fact]
    public async Task SignedInRequests_WithinHalfTheCookieLifetime_DoNotSendTheSignInCookieAgain()
    {
        using var app = new DashboardFactory();
        var email = await app.CreateUserAsync(Roles.Commissioner);
        using var client = app.NewClient();
        using var signedIn = await client.SignInAsync(email, Accounts.Password);

        using var first = await client.GetAsync(About);
        using var second = await client.GetAsync(About);

        AuthCookies(signedIn).Should().ContainSingle();
        AuthCookies(first).Should().BeEmpty();
        AuthCookies(second).Should().BeEmpty();
        (await second.Content.ReadAsStringAsync()).Should().Contain($"Signed in as {email}");
    }

    [Fact]
    public async Task SignedInRequest_PastHalfTheCookieLifetime_RenewsTheSignInCookie()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = new DashboardFactory().WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, options => options.TimeProvider = clock);
        }));
        var email = await app.CreateUserAsync(Roles.Commissioner);
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        using var signedIn = await client.SignInAsync(email, Accounts.Password);
        clock.Advance(TimeSpan.FromHours(1));
        using var early = await client.GetAsync(About);

        clock.Advance(TimeSpan.FromHours(4));
        using var late = await client.GetAsync(About);

        AuthCookies(early).Should().BeEmpty();
        AuthCookies(late).Should().ContainSingle("five hours into eight, sliding expiration gives the session a new eight hours");
    }

    private static List<string> AuthCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Where(c => c.StartsWith("lcs.auth=", StringComparison.Ordinal)).ToList()
            : [];
}
