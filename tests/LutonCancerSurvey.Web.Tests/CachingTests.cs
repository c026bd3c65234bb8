using LutonCancerSurvey.Core.Admin;
using LutonCancerSurvey.Web.Setup;
using LutonCancerSurvey.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

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

    [Fact]
    public async Task DataStamp_WithinItsLifetime_IsNotReadAgain_AndAfterItIs()
    {
        using var app = new DashboardFactory();
        _ = app.Server;
        var time = new FakeTimeProvider();
        using var stamp = new DataStamp(app.Services.GetRequiredService<IServiceScopeFactory>(), time, Seconds(1));

        var first = await stamp.CurrentAsync(CancellationToken.None);
        await BumpFromAnotherInstanceAsync(app);
        time.Advance(TimeSpan.FromMilliseconds(900));
        var withinLifetime = await stamp.CurrentAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMilliseconds(200));
        var afterLifetime = await stamp.CurrentAsync(CancellationToken.None);

        first.Should().Be("2-0", "the seed's import made version 2");
        withinLifetime.Should().Be("2-0", "another instance's change may take up to the stamp's lifetime to show");
        afterLifetime.Should().Be("3-0");
    }

    [Fact]
    public async Task DataStamp_WithNoLifetime_IsReadOnEveryRequest()
    {
        using var app = new DashboardFactory();
        _ = app.Server;
        using var stamp = new DataStamp(app.Services.GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(), Seconds(0));

        var first = await stamp.CurrentAsync(CancellationToken.None);
        await BumpFromAnotherInstanceAsync(app);
        var second = await stamp.CurrentAsync(CancellationToken.None);

        (first, second).Should().Be(("2-0", "3-0"));
    }

    [Fact]
    public async Task CachedPage_AfterAnUnpublishOnThisInstance_IsNotServedAgain_EvenWithinTheStampLifetime()
    {
        using var app = new DashboardFactory();
        using var longLived = app.WithWebHostBuilder(builder => builder.UseSetting("Caching:StampSeconds", "3600"));
        using var client = longLived.CreateClient();
        var before = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        await using (var scope = longLived.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PublicationService>().UnpublishAsync(2016, "test", CancellationToken.None);
        }

        var after = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        before.Should().Contain("data-testid=\"overall-score\"");
        after.Should().Contain("data-testid=\"no-home\"");
    }

    [Theory]
    [InlineData("br", "br")]
    [InlineData("gzip", "gzip")]
    [InlineData(null, null)]
    public async Task AnonymousPage_IsCompressedAsAsked_FromTheCacheToo(string? accepted, string? expected)
    {
        using var app = new DashboardFactory();
        using var client = app.NewClient();
        using var warmUp = await client.GetAsync(new Uri("/organisations/06P", UriKind.Relative)); // cached uncompressed first

        using var first = await GetAsync(client, "/organisations/06P", accepted);
        using var second = await GetAsync(client, "/organisations/06P", accepted);

        first.Content.Headers.ContentEncoding.SingleOrDefault().Should().Be(expected);
        second.Content.Headers.ContentEncoding.SingleOrDefault().Should().Be(expected);
        second.Headers.Age.Should().NotBeNull("the compressed page is stored as compressed");
    }

    [Fact]
    public async Task PageHoldingASecret_IsNeverCompressed()
    {
        using var app = new DashboardFactory();
        using var commissioner = await app.ClientAsAsync(Roles.Commissioner);
        using var anonymous = app.NewClient();

        using var signedIn = await GetAsync(commissioner, "/organisations/06P", "br, gzip");
        using var signInPage = await GetAsync(anonymous, "/account/sign-in", "br, gzip");

        signedIn.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        signedIn.Content.Headers.ContentEncoding.Should().BeEmpty("a signed-in page holds an antiforgery token");
        signInPage.Content.Headers.ContentEncoding.Should().BeEmpty("the sign-in form holds an antiforgery token");
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? acceptEncoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (acceptEncoding is not null)
        {
            request.Headers.AcceptEncoding.ParseAdd(acceptEncoding);
        }

        return await client.SendAsync(request);
    }

    private static IConfiguration Seconds(double seconds) =>
        new ConfigurationBuilder().AddInMemoryCollection([new("Caching:StampSeconds", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture))]).Build();

    // Straight to the file, as another instance would: this instance's commit hook does not see it.
    private static async Task BumpFromAnotherInstanceAsync(DashboardFactory app)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "UPDATE DataVersion SET Version = Version + 1";
        await command.ExecuteNonQueryAsync();
    }
}
