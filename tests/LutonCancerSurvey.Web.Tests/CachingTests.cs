using LutonCancerSurvey.Core.Admin;
using LutonCancerSurvey.Web.Setup;
using LutonCancerSurvey.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace LutonCancerSurvey.Web.Tests;

public class CachingTests
{
    [Fact]
    public async Task AnonymousPage_SecondRequest_IsServedFromTheCache()
    {
        using var app = new DashboardFactory();
        using var client = app.NewClient();

        using var first = await client.GetAsync(new Uri("/organisations/06P", UriKind.Relative));
        using var second = await client.GetAsync(new Uri("/organisations/06P", UriKind.Relative));

        first.Headers.Age.Should().BeNull();
        second.Headers.Age.Should().NotBeNull("the output cache answered");
    }

    [Fact]
    public async Task CachedPage_AfterAnUnpublish_IsNotServedAgain()
    {
        using var app = new DashboardFactory();
        using var client = app.NewClient();
        var before = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PublicationService>().UnpublishAsync(2016, "test", CancellationToken.None);
        }

        var after = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        before.Should().Contain("data-testid=\"overall-score\"");
        after.Should().Contain("data-testid=\"no-home\"");
    }

    [Fact]
    public async Task SignedInPage_IsNeverCached()
    {
        using var app = new DashboardFactory();
        using var commissioner = await app.ClientAsAsync(Roles.Commissioner);

        using var first = await commissioner.GetAsync(new Uri("/organisations/06P", UriKind.Relative));
        using var second = await commissioner.GetAsync(new Uri("/organisations/06P", UriKind.Relative));

        second.Headers.Age.Should().BeNull();
    }
}
