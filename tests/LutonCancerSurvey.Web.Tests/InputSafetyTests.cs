using System.IO.Compression;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using LutonCancerSurvey.Web.Access;
using LutonCancerSurvey.Web.Pages.Admin;
using LutonCancerSurvey.Web.Tests.Api;
using LutonCancerSurvey.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>
/// Inputs that cannot hurt and answers that do not linger: bounded uploads, staged files removed, the cache keyed
/// on what pages read, embargoed answers kept out of caches, spreadsheet formulas neutralised, provenance hashed.
/// </summary>
public class InputSafetyTests
{
    private const string Header =
        "year,level,organisation_code,organisation_name,alliance_code,alliance_name,question,question_text,section,scoring,tumour_group,breakdown,basis,respondents,score,ci_lower,ci_upper,expected_lower,expected_upper,band,change_since_previous,change_overall,group_difference,suppressed,source_note";

    private const string DraftEdition = Header + """

        2019,national,E92000001,England,,,Q59,"Overall, how would you rate your care?",Your overall NHS care,mean,All Cancers,all,unadjusted,60000,8.81,8.8,8.82,,,,,,,,
        2019,ccg,06P,NHS Luton CCG,,,Q59,"Overall, how would you rate your care?",Your overall NHS care,mean,All Cancers,all,adjusted,150,7.37,7.1,7.6,8.5,9.1,below,,,,,
        """;

    [Fact]
    public async Task SeedImport_RecordsTheHashOfTheSeedFilesOwnBytes()
    {
        using var app = new DashboardFactory();
        _ = app.Server;
        await using var seed = typeof(Program).Assembly.GetManifestResourceStream("LutonCancerSurvey.Web.Seed.cpes-2016-press-release.csv")!;
        var expected = Convert.ToHexStringLower(await SHA256.HashDataAsync(seed));

        await using var db = app.NewDbContext();
        var recorded = await db.Imports.Select(i => i.Sha256).SingleAsync();
        var audited = await db.AuditEntries.Where(a => a.Action == "import").Select(a => a.Sha256).SingleAsync();

        recorded.Should().Be(expected).And.NotBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        audited.Should().Be(expected);
    }

    [Fact]
    public async Task CachedPage_WithAnUnknownParameter_IsTheSameEntry_AndAKnownOneIsNot()
    {
        using var app = new DashboardFactory();
        using var client = app.NewClient();

        using var first = await client.GetAsync(new Uri("/organisations/06P?zz=1", UriKind.Relative));
        using var unknown = await client.GetAsync(new Uri("/organisations/06P?zz=2&ZZ=3", UriKind.Relative));
        using var plain = await client.GetAsync(new Uri("/organisations/06P", UriKind.Relative));
        using var search = await client.GetAsync(new Uri("/organisations?q=Luton&zz=1", UriKind.Relative));
        using var otherSearch = await client.GetAsync(new Uri("/organisations?q=England&zz=1", UriKind.Relative));
        using var sameSearch = await client.GetAsync(new Uri("/organisations?zz=9&Q=Luton", UriKind.Relative));

        first.Headers.Age.Should().BeNull();
        unknown.Headers.Age.Should().NotBeNull("an unknown parameter does not change the page, so it is not part of the key");
        plain.Headers.Age.Should().NotBeNull();
        search.Headers.Age.Should().BeNull();
        otherSearch.Headers.Age.Should().BeNull("q is read by the finder, so another search is another entry");
        sameSearch.Headers.Age.Should().NotBeNull("parameter names match whatever their case and order");
    }

    [Fact]
    public async Task ApiHead_AnswersLikeGet_WithoutABody_AndLeavesGetWhole()
    {
        using var app = new DashboardFactory();
        using var client = app.NewClient();

        using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/api/v1/organisations/06P/results", UriKind.Relative)));
        var headBody = await head.Content.ReadAsByteArrayAsync();
        using var get = await client.GetAsync(new Uri("/api/v1/organisations/06P/results", UriKind.Relative));
        var getBody = await get.Content.ReadAsStringAsync();
        using var headList = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, new Uri("/api/v1/organisations", UriKind.Relative)));

        head.StatusCode.Should().Be(HttpStatusCode.OK);
        head.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        headBody.Should().BeEmpty();
        get.StatusCode.Should().Be(HttpStatusCode.OK);
        getBody.Should().Contain("\"organisation\":{\"code\":\"06P\"");
        headList.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task ApiSearch_LongerThanThePagesLimit_Is400ProblemNamingQ()
    {
        using var app = new DashboardFactory();

        var response = await ApiResponse.GetAsync(app, "/api/v1/organisations?q=" + new string('a', 101));
        var atLimit = await ApiResponse.GetAsync(app, "/api/v1/organisations?q=" + new string('a', 100));

        response.Status.Should().Be(400);
        response.MediaType.Should().Be("application/problem+json");
        response.Body.GetProperty("parameter").GetString().Should().Be("q");
        response.Body.GetProperty("detail").GetString().Should().Be("Parameter 'q': search for at most 100 characters.");
        atLimit.Status.Should().Be(200);
    }

    [Fact]
    public async Task DraftFigures_ForACommissioner_CarryAnEmbargoMarkerAndNoStore_WhilePublishedOnesCarryNone()
    {
        using var app = new DashboardFactory();
        _ = app.Server;
        (await app.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(DraftEdition)), "draft-2019.csv", publish: false))
            .Succeeded.Should().BeTrue();
        using var commissioner = await app.ClientAsAsync(Roles.Commissioner);
        using var anonymous = app.NewClient();

        using var draftApi = await commissioner.GetAsync(new Uri("/api/v1/organisations/06P/results?year=2019", UriKind.Relative));
        using var draftJson = JsonDocument.Parse(await draftApi.Content.ReadAsStringAsync());
        using var draftCsv = await commissioner.GetAsync(new Uri("/organisations/06P?handler=csv&year=2019", UriKind.Relative));
        using var publishedApi = await anonymous.GetAsync(new Uri("/api/v1/organisations/06P/results", UriKind.Relative));
        using var publishedJson = JsonDocument.Parse(await publishedApi.Content.ReadAsStringAsync());
        using var publishedCsv = await anonymous.GetAsync(new Uri("/organisations/06P?handler=csv", UriKind.Relative));

        draftApi.StatusCode.Should().Be(HttpStatusCode.OK);
        draftJson.RootElement.GetProperty("embargo").GetProperty("embargoed").GetBoolean().Should().BeTrue();
        draftApi.Headers.CacheControl!.NoStore.Should().BeTrue();
        draftCsv.StatusCode.Should().Be(HttpStatusCode.OK);
        draftCsv.Content.Headers.ContentDisposition!.FileName.Should().Contain("EMBARGOED");
        draftCsv.Headers.CacheControl!.NoStore.Should().BeTrue();
        publishedJson.RootElement.GetProperty("embargo").ValueKind.Should().Be(JsonValueKind.Null);
        (publishedApi.Headers.CacheControl?.NoStore ?? false).Should().BeFalse();
        (publishedCsv.Headers.CacheControl?.NoStore ?? false).Should().BeFalse();
    }

    [Fact]
    public async Task OrganisationList_ForACommissioner_MarksThoseNamedByADraft_AndForThePublicMarksNone()
    {
        using var app = new DashboardFactory();
        _ = app.Server;
        var draft = DraftEdition + "\n2019,ccg,ZZ7,NHS Draftonly CCG,,,Q59,\"Overall, how would you rate your care?\",Your overall NHS care,mean,All Cancers,all,unadjusted,99,8.1,7.9,8.3,,,,,,,,\n";
        var imported = await app.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(draft)), "draft-2019.csv", publish: false);
        imported.Succeeded.Should().BeTrue(string.Join("; ", imported.Errors));
        using var commissioner = await app.ClientAsAsync(Roles.Commissioner);

        using var signedIn = JsonDocument.Parse(await commissioner.GetStringAsync(new Uri("/api/v1/organisations", UriKind.Relative)));
        using var anonymous = JsonDocument.Parse(await app.NewClient().GetStringAsync(new Uri("/api/v1/organisations", UriKind.Relative)));

        var marked = signedIn.RootElement.EnumerateArray()
            .Where(o => o.GetProperty("embargo").ValueKind != JsonValueKind.Null)
            .Select(o => o.GetProperty("code").GetString())
            .ToList();
        marked.Should().Equal(["E92000001", "ZZ7", "06P"], "each is named, in the newest edition the commissioner sees, by the 2019 draft");
        signedIn.RootElement.EnumerateArray().First(o => o.GetProperty("code").GetString() == "ZZ7")
            .GetProperty("embargo").GetProperty("embargoed").GetBoolean().Should().BeTrue();
        anonymous.RootElement.EnumerateArray().Should().OnlyContain(o => o.GetProperty("embargo").ValueKind == JsonValueKind.Null);
        anonymous.RootElement.EnumerateArray().Select(o => o.GetProperty("code").GetString()).Should().NotContain("ZZ7");
    }

    [Fact]
    public async Task OpenApiDocument_AnswersHeadAsGet()
    {
        using var app = new DashboardFactory();
        using var client = app.NewClient();

        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri("/openapi/v1.json", UriKind.Relative));
        using var response = await client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
    }

    [Fact]
    public async Task OpenApiText_NoLongerClaimsPublishedEditionsOnly()
    {
        using var app = new DashboardFactory();
        using var client = app.NewClient();

        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        document.Should().NotContain("published editions only").And.Contain("embargo");
    }

    [Fact]
    public async Task Upload_LargerThanTheLimit_Is413WithAPageNamingIt()
    {
        using var app = new DashboardFactory();
        using var admin = await app.ClientAsAsync(Roles.Administrator);
        using var content = new ByteArrayContent(new byte[16]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("multipart/form-data");
        content.Headers.ContentLength = UploadModel.MaxBytes + 1;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/admin/upload?handler=Upload", UriKind.Relative)) { Content = content };

        using var response = await admin.SendAsync(request);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        page.QuerySelector("h1")!.TextContent.Should().Be("The file is too large");
        page.Body!.TextContent.Should().Contain("at most 200 MiB");
    }

    [Fact]
    public async Task Upload_SentInChunksPastTheLimit_Is413WithAPageNamingIt()
    {
        using var app = new DashboardFactory();
        using var admin = await app.ClientAsAsync(Roles.Administrator);
        var token = await Accounts.AntiforgeryTokenAsync(admin, "/admin/upload");
        var head = Encoding.UTF8.GetBytes("--b0undary\r\nContent-Disposition: form-data; name=\"__RequestVerificationToken\"\r\n\r\n"
            + token + "\r\n--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
            + "Content-Type: text/csv\r\n\r\n");
        using var content = new StreamContent(new EndlessBody(head, UploadModel.MaxBytes + (1 << 20)));
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b0undary");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/admin/upload?handler=Upload", UriKind.Relative)) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await admin.SendAsync(request);
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        page.QuerySelector("h1")!.TextContent.Should().Be("The file is too large");
        StagedFiles(app).Should().BeEmpty();
    }

    /// <summary>A form body of the given length, made up as it is read: no length is known to the sender.</summary>
    private sealed class EndlessBody(byte[] head, long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var left = length - _position;
            if (left <= 0)
            {
                return 0;
            }

            var n = (int)Math.Min(count, left);
            for (var i = 0; i < n; i++)
            {
                var at = _position + i;
                buffer[offset + i] = at < head.Length ? head[at] : (byte)'0';
            }

            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task Upload_ThatFailsPreviewOrIsCancelled_LeavesNoStagedFile()
    {
        using var app = new DashboardFactory();
        using var admin = await app.ClientAsAsync(Roles.Administrator);

        var bad = await UploadAsync(admin, Encoding.UTF8.GetBytes(DraftEdition.Replace("7.37", "17.37", StringComparison.Ordinal)), "bad.csv");
        var afterBad = StagedFiles(app);
        var good = await UploadAsync(admin, Encoding.UTF8.GetBytes(DraftEdition), "good.csv");
        var whileWaiting = StagedFiles(app);
        var id = System.Text.RegularExpressions.Regex.Match(good.Body, "name=\"id\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
        using var cancelled = await admin.PostFormAsync("/admin/upload", "/admin/upload?handler=Cancel", new() { ["id"] = id });
        var afterCancel = StagedFiles(app);

        bad.Status.Should().Be(HttpStatusCode.BadRequest);
        afterBad.Should().BeEmpty();
        whileWaiting.Should().HaveCount(2, "the confirmed-to-be file and its name wait for the administrator");
        cancelled.StatusCode.Should().Be(HttpStatusCode.Redirect);
        afterCancel.Should().BeEmpty();
    }

    [Fact]
    public async Task Upload_OfAGzipBomb_GetsAClearErrorAndLeavesNothingStaged()
    {
        using var app = new DashboardFactory();
        using var admin = await app.ClientAsAsync(Roles.Administrator);
        using var compressed = new MemoryStream();
        await using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Header + "\n"));
            var zeros = new byte[1 << 20];
            for (var i = 0; i < 64; i++)
            {
                gzip.Write(zeros);
            }
        }

        var upload = await UploadAsync(admin, compressed.ToArray(), "bomb.csv.gz");
        var page = await Html.ParseAsync(upload.Body);

        upload.Status.Should().Be(HttpStatusCode.BadRequest);
        page.TestId("import-errors").Should().Contain("line 2 is longer than 16,384 characters");
        StagedFiles(app).Should().BeEmpty();
    }

    [Fact]
    public async Task Upload_WithManyRowsFailingForOneReason_ListsThemAsOneGroup()
    {
        using var app = new DashboardFactory();
        using var admin = await app.ClientAsAsync(Roles.Administrator);
        var rows = Enumerable.Range(0, 30).Select(i =>
            $"2019,ccg,{i:00}Q,NHS Test CCG {i},,,Q59,Overall?,Your overall NHS care,mean,All Cancers,all,adjusted,150,7.37,7.1,7.6,8.5,9.1,sideways,,,,,");

        var upload = await UploadAsync(admin, Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", rows) + "\n"), "scores.csv");
        var page = await Html.ParseAsync(upload.Body);

        var items = page.QuerySelectorAll("[data-testid=import-errors] li").Select(li => li.TextContent).ToList();
        items.Should().ContainSingle().Which.Should().StartWith("30 rows: ").And.EndWith("(column 'band'), lines 2\u201331");
    }

    [Fact]
    public async Task ResultsCsv_WithFormulaLikeNames_IsNeutralised_AndStillRoundTripsByteIdentical()
    {
        const string Fixture = Header + """

            2019,national,E92000001,England,,,Q59,"+Overall, how would you rate your care?",-Your overall NHS care,mean,All Cancers,all,unadjusted,60000,8.8,8.79,8.81,,,,,,,,
            2019,ccg,99X,"=HYPERLINK(""http://evil.example"",""Luton"")",E56000099,@Test Alliance,Q59,"+Overall, how would you rate your care?",-Your overall NHS care,mean,All Cancers,all,adjusted,140,8.93,8.71,9.15,8.55,9.05,within,,,,,"''=already quoted"
            """;
        using var first = new DashboardFactory();
        _ = first.Server;
        (await first.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(Fixture)), "fixture.csv", publish: true))
            .Succeeded.Should().BeTrue();
        var exported = await DownloadAsync(first);

        using var second = new DashboardFactory();
        _ = second.Server;
        var reimport = await second.ImportAsync(new MemoryStream(exported), "exported.csv", publish: true);
        var exportedAgain = await DownloadAsync(second);
        await using var db = second.NewDbContext();
        var name = await db.OrganisationEditions.Where(o => o.Organisation!.Code == "99X").Select(o => o.Name).SingleAsync();

        var text = Encoding.UTF8.GetString(exported);
        text.Should().Contain("99X,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Luton\"\")\",E56000099,'@Test Alliance,Q59,\"'+Overall, how would you rate your care?\",'-Your overall NHS care,")
            .And.Contain(",''=already quoted\r\n");
        reimport.Succeeded.Should().BeTrue(string.Join("; ", reimport.Errors));
        name.Should().Be("=HYPERLINK(\"http://evil.example\",\"Luton\")");
        Encoding.UTF8.GetString(exportedAgain).Should().Be(text);
    }

    private static async Task<byte[]> DownloadAsync(DashboardFactory app)
    {
        using var client = app.CreateClient();
        return await client.GetByteArrayAsync(new Uri("/organisations/99X?handler=csv&year=2019", UriKind.Relative));
    }

    private static string[] StagedFiles(DashboardFactory app) =>
        Directory.Exists(app.UploadsPath) ? Directory.GetFiles(app.UploadsPath) : [];

    private static async Task<(HttpStatusCode Status, string Body)> UploadAsync(HttpClient admin, byte[] content, string fileName)
    {
        var token = await Accounts.AntiforgeryTokenAsync(admin, "/admin/upload");
        using var form = new MultipartFormDataContent();
        using var file = new ByteArrayContent(content);
        form.Add(file, "file", fileName);
        using var tokenField = new StringContent(token);
        form.Add(tokenField, "__RequestVerificationToken");
        using var response = await admin.PostAsync(new Uri("/admin/upload?handler=Upload", UriKind.Relative), form);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
