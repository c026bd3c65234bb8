using LutonCancerSurvey.Core.Admin;
using LutonCancerSurvey.Web.Access;
using LutonCancerSurvey.Web.Caching;
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

    [Theory]
    [InlineData("1")]
    [InlineData("3600")]
    public async Task CachedPage_AfterAnUnpublishOnThisInstance_IsNotServedAgain_WhateverTheStampLifetime(string stampSeconds)
    {
        using var app = new DashboardFactory();
        using var configured = app.WithWebHostBuilder(builder => builder.UseSetting("Caching:StampSeconds", stampSeconds));
        using var client = configured.CreateClient();
        var before = await client.GetStringAsync(new Uri("/", UriKind.Relative));

        await using (var scope = configured.Services.CreateAsyncScope())
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
        var stamp = new DataStamp(app.Services.GetRequiredService<IServiceScopeFactory>(), time, Seconds(1));

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
    public async Task DataStamp_AfterAnInvalidation_IsReadAgainAtOnce()
    {
        using var app = new DashboardFactory();
        _ = app.Server;
        var stamp = new DataStamp(app.Services.GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(), Seconds(3600));

        var first = await stamp.CurrentAsync(CancellationToken.None);
        await BumpFromAnotherInstanceAsync(app);
        var beforeInvalidation = await stamp.CurrentAsync(CancellationToken.None);
        stamp.Invalidate();
        var afterInvalidation = await stamp.CurrentAsync(CancellationToken.None);

        (first, beforeInvalidation, afterInvalidation).Should().Be(("2-0", "2-0", "3-0"));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/organisations")]
    [InlineData("/organisations/06P")]
    [InlineData("/organisations/06P/questions/59")]
    [InlineData("/organisations/06P/briefing?year=2016")]
    [InlineData("/compare?codes=06P")]
    [InlineData("/about")]
    public async Task AnonymousPage_ThatIsCompressed_HoldsNoAntiforgeryToken(string url)
    {
        using var app = new DashboardFactory();
        using var client = app.NewClient();

        using var response = await GetAsync(client, url, "gzip");
        await using var gzip = new System.IO.Compression.GZipStream(await response.Content.ReadAsStreamAsync(), System.IO.Compression.CompressionMode.Decompress);
        using var text = new StreamReader(gzip);
        var body = await text.ReadToEndAsync();

        response.Content.Headers.ContentEncoding.Should().Equal("gzip");
        body.Should().Contain("</html>");
        body.Should().NotContain("__RequestVerificationToken", "a secret in a compressed page beside text a visitor chooses leaks through its size");
    }

    [Fact]
    public async Task DataStamp_WithNoLifetime_IsReadOnEveryRequest()
    {
        using var app = new DashboardFactory();
        _ = app.Server;
        var stamp = new DataStamp(app.Services.GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(), Seconds(0));

        var first = await stamp.CurrentAsync(CancellationToken.None);
        await BumpFromAnotherInstanceAsync(app);
        var second = await stamp.CurrentAsync(CancellationToken.None);

        (first, second).Should().Be(("2-0", "3-0"));
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
