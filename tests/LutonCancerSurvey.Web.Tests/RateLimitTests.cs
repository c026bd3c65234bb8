using System.Net;
using LutonCancerSurvey.Web.Access;
using LutonCancerSurvey.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;

namespace LutonCancerSurvey.Web.Tests;

public class RateLimitTests
{
    private sealed class StrictSignInLimit : DashboardFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Security:SignInAttemptsPerMinute", "3");
        }
    }

    [Fact]
    public async Task SignIn_PastTheLimitPerMinute_IsRefusedWith429()
    {
        using var app = new StrictSignInLimit();
        var email = await app.CreateUserAsync(Roles.Commissioner);
        using var client = app.NewClient();
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var response = await client.SignInAsync(email, "Not-The-Password-1!");
            statuses.Add(response.StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task SignIn_AfterManyViewsOfTheSignInPage_IsStillAllowed()
    {
        using var app = new StrictSignInLimit();
        var email = await app.CreateUserAsync(Roles.Commissioner);
        using var client = app.NewClient();
        var views = new List<HttpStatusCode>();

        for (var view = 0; view < 10; view++)
        {
            using var page = await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
            views.Add(page.StatusCode);
        }

        using var signedIn = await client.SignInAsync(email, Accounts.Password);

        views.Should().Equal(Enumerable.Repeat(HttpStatusCode.OK, 10));
        signedIn.StatusCode.Should().Be(HttpStatusCode.Redirect, "reading the page is not an attempt to sign in");
    }
}
