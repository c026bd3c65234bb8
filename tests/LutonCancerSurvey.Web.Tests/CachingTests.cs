using LutonCancerSurvey.Core.Admin;
using LutonCancerSurvey.Web.Access;
using LutonCancerSurvey.Web.Caching;
using LutonCancerSurvey.Web.Tests.Security;
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
    public async Task ErrorPage_VisitedDirectly_DoesNotAnswerLaterErrorsWithItsStatus()
    {
        using var app = new DashboardFactory();
        using var client = app.NewClient();

        using var errorPage = await client.GetAsync(new Uri("/Error", UriKind.Relative));
        using var again = await client.GetAsync(new Uri("/Error", UriKind.Relative));
        using var unknownPage = await client.GetAsync(new Uri("/no-such-page", UriKind.Relative));
        using var unknownOrganisation = await client.GetAsync(new Uri("/organisations/ZZZ99", UriKind.Relative));

        errorPage.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        again.Headers.Age.Should().BeNull("the error page answers for the request that failed and is never stored");
        unknownPage.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        unknownOrganisation.StatusCode.Should().Be(System.Net.HttpStatusCode.NotFound);
        (await unknownOrganisation.Content.ReadAsStringAsync()).Should().Contain("Page not found");
    }

    [Theory]
    [InlineData("/organisations/06P?handler=", "/organisations/06P?handler=zz1", "/organisations/06P?handler=zz2")]
    [InlineData("/organisations/06P?handler=csv", "/organisations/06P?handler=CSV", "/organisations/06P?handler=Csv")]
    public async Task HandlerSpellings_ThatSelectTheSameAnswer_ShareOneCacheEntry(string first, string second, string third)
    {
        using var app = new DashboardFactory();
        using var client = app.NewClient();

        using var stored = await client.GetAsync(new Uri(first, UriKind.Relative));
        using var secondSpelling = await client.GetAsync(new Uri(second, UriKind.Relative));
        using var thirdSpelling = await client.GetAsync(new Uri(third, UriKind.Relative));

        stored.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        secondSpelling.Headers.Age.Should().NotBeNull("an unknown or differently cased handler selects the same answer");
        thirdSpelling.Headers.Age.Should().NotBeNull();
        (await thirdSpelling.Content.ReadAsStringAsync()).Should().Be(await stored.Content.ReadAsStringAsync());
    }

    [Fact]
    public void KnownHandlers_AreExactlyTheHandlersOfThePublicPages()
    {
        var handlers = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Microsoft.AspNetCore.Mvc.RazorPages.PageModel))
                && !t.Namespace!.Contains(".Admin", StringComparison.Ordinal) && !t.Namespace.Contains(".Account", StringComparison.Ordinal))
            .SelectMany(t => t.GetMethods())
            .Select(m => System.Text.RegularExpressions.Regex.Match(m.Name, "^OnGet(?!Async$)(?<name>[A-Z][A-Za-z]*?)(Async)?$"))
            .Where(m => m.Success)
            .Select(m => m.Groups["name"].Value.ToLowerInvariant())
            .Distinct()
            .Order();

        handlers.Should().Equal(PublicPageCache.KnownHandlers.Order());
    }

    [Fact]
    public async Task AcceptEncodingSpellings_ThatChooseTheSameEncoding_ShareOneCacheEntry()
    {
        using var app = new DashboardFactory();
        using var client = app.NewClient();

        using var stored = await GetAsync(client, "/organisations/06P", "gzip, x-random-1");
        using var other = await GetAsync(client, "/organisations/06P", "x-random-2, gzip");
        using var none = await GetAsync(client, "/organisations/06P", "x-random-3");
        using var noneAgain = await GetAsync(client, "/organisations/06P", "x-random-4");

        other.Headers.Age.Should().NotBeNull("both ask for gzip in the end");
        other.Content.Headers.ContentEncoding.Should().Equal("gzip");
        noneAgain.Headers.Age.Should().NotBeNull("neither names an encoding the site offers");
        noneAgain.Content.Headers.ContentEncoding.Should().BeEmpty();
    }

    [Fact]
    public async Task RandomHostHeaders_ShareOneCacheEntry()
    {
        using var app = new DashboardFactory();
        using var client = app.NewClient();

        using var stored = await GetWithHostAsync(client, "random-1.example");
        using var other = await GetWithHostAsync(client, "random-2.example");

        stored.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        other.Headers.Age.Should().NotBeNull("no page writes its host, so the host is not part of the key");
    }

    private static async Task<HttpResponseMessage> GetWithHostAsync(HttpClient client, string host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/organisations/06P", UriKind.Relative));
        request.Headers.Host = host;
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task EveryPageTheSiteLinksTo_FromTheCache_IsWhatThePageRendersItself()
    {
        // The cache keys each path on the query parameters its page reads (PublicPageCache.QueryKeysFor). A parameter
        // missing there would make two different answers share one entry: whichever came first would be served for both.
        using var cachedApp = new ConfiguredDashboard("Testing");
        using var cached = cachedApp.NewClient();
        using var uncachedApp = new ConfiguredDashboard(cachedApp, new Dictionary<string, string> { ["Caching:Enabled"] = "false" });
        using var uncached = uncachedApp.NewClient();
        var urls = await LinkedUrlsAsync(cached, [
            "/", "/organisations?q=NHS", "/organisations?q=CCG&level=ccg", "/compare?codes=06P", "/compare?codes=06P&handler=csv",
            "/compare?codes=06P&tumour=breast", "/compare?codes=Luton", "/organisations?q=Luton&compare=06P",
            "/api/v1/organisations?q=Luton", "/api/v1/organisations/06P/results", "/api/v1/organisations/06P/results?basis=unadjusted",
            "/api/v1/organisations/06P/results?tumourGroup=breast&basis=unadjusted", "/api/v1/organisations/06P/results?breakdown=all",
            "/api/v1/organisations/E92000001/results?year=2016&basis=adjusted"]);

        var differing = new List<string>();
        var fromCache = 0;
        foreach (var url in urls)
        {
            using var response = await cached.GetAsync(new Uri(url, UriKind.Relative));
            fromCache += response.Headers.Age is null ? 0 : 1;
            var stored = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
            using var direct = await uncached.GetAsync(new Uri(url, UriKind.Relative));
            var rendered = $"{(int)direct.StatusCode} {await direct.Content.ReadAsStringAsync()}";
            if (!string.Equals(stored, rendered, StringComparison.Ordinal))
            {
                differing.Add(url);
            }
        }

        urls.Should().HaveCountGreaterThan(30);
        fromCache.Should().BeGreaterThan(urls.Count / 2, "the second visit of most pages is answered by the cache");
        differing.Should().BeEmpty();
    }

    /// <summary>Every successful page and download reachable from <paramref name="start"/> by links, visited once.</summary>
    private static async Task<List<string>> LinkedUrlsAsync(HttpClient client, IReadOnlyList<string> start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<string>();
        var queue = new Queue<string>(start);
        while (queue.Count > 0 && seen.Count < 300)
        {
            var url = queue.Dequeue();
            if (!seen.Add(url))
            {
                continue;
            }

            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            if (!response.IsSuccessStatusCode)
            {
                continue;
            }

            found.Add(url);
            if (response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
            var links = page.QuerySelectorAll("a[href]").Select(a => System.Net.WebUtility.HtmlDecode(a.GetAttribute("href")!));
            foreach (var href in links.Concat(FilterChoices(page)))
            {
                if (href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)
                    && !href.StartsWith("/account", StringComparison.Ordinal) && !href.StartsWith("/admin", StringComparison.Ordinal)
                    && !Path.HasExtension(href.Split('?')[0]))
                {
                    queue.Enqueue(href.Split('#')[0]);
                }
            }
        }

        return found;
    }

    /// <summary>
    /// What each filter form on the page asks for when one of its choices is changed and the rest are left as they
    /// are: the filters are forms, not links.
    /// </summary>
    private static IEnumerable<string> FilterChoices(AngleSharp.Html.Dom.IHtmlDocument page)
    {
        foreach (var form in page.QuerySelectorAll("form").Where(f => !string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
        {
            var action = form.GetAttribute("action") ?? "/";
            var fields = form.QuerySelectorAll("select[name], input[name]:not([type=submit])")
                .Select(f => (Name: f.GetAttribute("name")!, Value: (f is AngleSharp.Html.Dom.IHtmlSelectElement select ? select.Value : f.GetAttribute("value")) ?? string.Empty))
                .ToList();
            foreach (var select in form.QuerySelectorAll("select[name]").OfType<AngleSharp.Html.Dom.IHtmlSelectElement>())
            {
                foreach (var option in select.Options)
                {
                    var query = fields.Select(f => f.Name == select.Name ? (f.Name, Value: option.Value ?? string.Empty) : f)
                        .Where(f => f.Value.Length > 0)
                        .Select(f => $"{Uri.EscapeDataString(f.Name)}={Uri.EscapeDataString(f.Value)}");
                    yield return $"{action}?{string.Join('&', query)}";
                }
            }
        }
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

    [Fact]
    public async Task DataVersion_WithinOneRequest_StaysTheOneItsDataWasReadUnder()
    {
        using var app = new DashboardFactory();
        _ = app.Server;
        await using var request = app.Services.CreateAsyncScope();
        var version = request.ServiceProvider.GetRequiredService<LutonCancerSurvey.Core.Queries.IDataVersionSource>();
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = request.ServiceProvider };
        context.Request.Path = "/organisations/06P";

        var first = await version.CurrentAsync(CancellationToken.None);
        await BumpFromAnotherInstanceAsync(app);
        app.Services.GetRequiredService<DataStamp>().Invalidate();
        var later = await version.CurrentAsync(CancellationToken.None);
        var bodyKey = await request.ServiceProvider.GetRequiredService<PageBodyKey>().ForAsync(context.Request, CancellationToken.None);
        await using var nextRequest = app.Services.CreateAsyncScope();
        var next = await nextRequest.ServiceProvider.GetRequiredService<LutonCancerSurvey.Core.Queries.IDataVersionSource>().CurrentAsync(CancellationToken.None);

        (first, later, next).Should().Be(("2-0", "2-0", "3-0"), "a body rendered from data read under 2 must not be stored under 3");
        bodyKey.Should().StartWith("2-0|published|/organisations/06P|");
    }

    [Fact]
    public async Task PageBodyKey_OfQueriesThatCouldSpellEachOther_IsNotTheSame()
    {
        using var app = new DashboardFactory();
        _ = app.Server;

        var repeated = await BodyKeyAsync(app, "?year=2017&year=2018");
        var comma = await BodyKeyAsync(app, "?year=2017%2C2018");
        var piped = await BodyKeyAsync(app, "?year=A%7Ctumour%3DB&tumour=C");
        var shifted = await BodyKeyAsync(app, "?year=A&tumour=B%7Ctumour%3DC");
        var absent = await BodyKeyAsync(app, "");
        var empty = await BodyKeyAsync(app, "?year=");

        new[] { repeated, comma, piped, shifted, absent, empty }.Should().OnlyHaveUniqueItems();
        repeated.Should().EndWith("|year=2017|tumour!|basis!", "model binding reads the first value");
    }

    private static async Task<string> BodyKeyAsync(DashboardFactory app, string query)
    {
        await using var request = app.Services.CreateAsyncScope();
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = request.ServiceProvider };
        context.Request.Path = "/organisations/06P";
        context.Request.QueryString = new Microsoft.AspNetCore.Http.QueryString(query);
        return await request.ServiceProvider.GetRequiredService<PageBodyKey>().ForAsync(context.Request, CancellationToken.None);
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
