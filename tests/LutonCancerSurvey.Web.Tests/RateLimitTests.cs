using System.Net;
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
        using var client = app.NewClient();
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var response = await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests);
    }
}
