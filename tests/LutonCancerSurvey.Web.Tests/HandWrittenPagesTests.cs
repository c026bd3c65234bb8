using System.Net;
using LutonCancerSurvey.Web.Access;
using LutonCancerSurvey.Web.Tests.Support;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>
/// Pages over <see cref="HandWrittenResults"/> (2017 and 2018 published, 2019 a draft), whose figures can be checked by
/// hand: the question page's rank and funnel, and what each kind of viewer is served once pages are held in memory.
/// </summary>
public sealed class HandWrittenPagesTests(HandWrittenPagesTests.App app) : IClassFixture<HandWrittenPagesTests.App>
{
    /// <summary>The dashboard with the published editions and the draft imported once for the class.</summary>
    public sealed class App : DashboardFactory, IAsyncLifetime
    {
        public async Task InitializeAsync()
        {
            _ = Server;
            var published = await ImportAsync(new MemoryStream(HandWrittenResults.Bytes(HandWrittenResults.Published())), "published.csv", publish: true);
            var draft = await ImportAsync(new MemoryStream(HandWrittenResults.Bytes(HandWrittenResults.Draft())), "draft.csv", publish: false);
            published.Succeeded.Should().BeTrue(string.Join("; ", published.Errors));
            draft.Succeeded.Should().BeTrue(string.Join("; ", draft.Errors));
        }

        Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
    }

    [Fact]
    public async Task QuestionPage_WithAPeerShownTheSame_SaysTheyAreJoint()
    {
        var page = await app.GetDocumentAsync("/organisations/99X/questions/22?year=2018&basis=adjusted");

        page.TestId("rank").Should().StartWith("Ranked joint 2nd of 3 CCGs on this question (2 CCGs share 64%).");
    }

    [Fact]
    public async Task QuestionPage_PlacesTheOrganisationOnTheFunnel()
    {
        var page = await app.GetDocumentAsync("/organisations/99X/questions/22?year=2018&basis=adjusted");

        page.TestId("funnel-position").Should().Be(
            "The survey rates NHS Testshire CCG within its expected range (55 to 67): its difference from England is within "
            + "the survey's allowance for chance and the usual variation between CCGs.");
        page.TestId("funnel-stricter").Should().Be(
            "This dashboard's 99.8% limits are a stricter test than the survey's 95% expected range; by them NHS Testshire CCG is within them.");
        page.TestId("funnel-outside").Should().StartWith(
            "On this funnel 1 of the 3 CCGs plotted falls outside the 95% limits and 0 outside the 99.8% limits.");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task DraftYear_WhicheverViewerReadsItFirst_IsServedToTheCommissionerAlone(bool commissionerFirst)
    {
        // A year of its own per case, so that neither case reads what the other left in memory.
        using var anonymous = app.NewClient();
        using var commissioner = await app.ClientAsAsync(Roles.Commissioner);
        var url = commissionerFirst ? "/organisations/99X?year=2019" : "/organisations/99X?year=2019&tumour=all-cancers";

        var first = commissionerFirst ? await GetAsync(commissioner, url) : await GetAsync(anonymous, url);
        var second = commissionerFirst ? await GetAsync(anonymous, url) : await GetAsync(commissioner, url);
        var (forCommissioner, forPublic) = commissionerFirst ? (first, second) : (second, first);

        forCommissioner.Status.Should().Be(HttpStatusCode.OK);
        forCommissioner.Html.Should().Contain("data-testid=\"embargo\"").And.Contain("66%");
        forPublic.Status.Should().Be(HttpStatusCode.NotFound);
        forPublic.Html.Should().NotContain("66%");
    }

    [Fact]
    public async Task PublishedYear_ReadByTheCommissionerFirst_ServesThePublicNoDraftYear()
    {
        using var anonymous = app.NewClient();
        using var commissioner = await app.ClientAsAsync(Roles.Commissioner);
        const string url = "/organisations/99X/questions/22?year=2018&basis=adjusted&tumour=all-cancers";

        var forCommissioner = await GetAsync(commissioner, url);
        var forPublic = await GetAsync(anonymous, url);

        forCommissioner.Html.Should().Contain("data-testid=\"trend-2019\"");
        forPublic.Status.Should().Be(HttpStatusCode.OK);
        forPublic.Html.Should().Contain("data-testid=\"trend-2018\"").And.NotContain("data-testid=\"trend-2019\"");
    }

    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
