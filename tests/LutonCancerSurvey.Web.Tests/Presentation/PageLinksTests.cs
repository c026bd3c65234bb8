using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Web.Presentation;
using LutonCancerSurvey.Web.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LutonCancerSurvey.Web.Tests.Presentation;

/// <summary>
/// The addresses the pages link to, made from their routes, read as the pages have always written them; a list of
/// codes keeps its commas, as people type it.
/// </summary>
public class PageLinksTests : IClassFixture<DashboardFactory>
{
    private static readonly int Breast = TumourGroups.All.Single(t => t.Name == "Breast").Id;
    private readonly PageLinks _links;

    public PageLinksTests(DashboardFactory app) => _links = app.Services.GetRequiredService<PageLinks>();

    [Fact]
    public void FindOrganisation_CarriesTheComparisonBeingBuilt_OnlyWhenThereIsOne()
    {
        var plain = _links.FindOrganisation();
        var comparing = _links.FindOrganisation(["06P", "RC9"]);

        plain.Should().Be("/organisations");
        comparing.Should().Be("/organisations?compare=06P,RC9");
    }

    [Fact]
    public void Results_WritesTheHandlerFirstAndOnlyTheFilterGiven()
    {
        var filter = new ResultsFilter(2018, 1, Breast, ResultBasis.Unadjusted);

        var links = new[]
        {
            _links.Results("06P"),
            _links.Results("06P", 2018),
            _links.Results("06P", 2018, TumourGroups.AllCancersId),
            _links.Results("E92000001", filter),
            _links.Results("06P", 2018, Breast, ResultBasis.Adjusted, PageLinks.CsvHandler),
        };

        links.Should().Equal(
            "/organisations/06P",
            "/organisations/06P?year=2018",
            "/organisations/06P?year=2018&tumour=all-cancers",
            "/organisations/E92000001?year=2018&tumour=breast&basis=unadjusted",
            "/organisations/06P?handler=csv&year=2018&tumour=breast&basis=adjusted");
    }

    [Fact]
    public void QuestionInequalitiesAndBriefing_KeepTheirPathsQueriesAndFragment()
    {
        var links = new[]
        {
            _links.Question("06P", 59, 2018),
            _links.Question("E56000009", 59, 2018, basis: ResultBasis.Unadjusted),
            _links.Question("06P", 59, new ResultsFilter(2018, 1, TumourGroups.AllCancersId, ResultBasis.Trend)),
            _links.Inequalities("E56000009"),
            _links.Inequalities("E56000009", 2018, PageLinks.CsvHandler),
            _links.Inequalities("E56000009", 2018, fragment: "q59-sex"),
            _links.Briefing("06P", 2016),
        };

        links.Should().Equal(
            "/organisations/06P/questions/59?year=2018",
            "/organisations/E56000009/questions/59?year=2018&basis=unadjusted",
            "/organisations/06P/questions/59?year=2018&tumour=all-cancers&basis=trend",
            "/organisations/E56000009/inequalities",
            "/organisations/E56000009/inequalities?handler=csv&year=2018",
            "/organisations/E56000009/inequalities?year=2018#q59-sex",
            "/organisations/06P/briefing?year=2016");
    }

    [Theory]
    [InlineData("06P", 1)]
    [InlineData("06P", 59)]
    [InlineData("E92000001", 987654321)]
    [InlineData("987654321", 7)]
    public void Questions_GiveEachQuestionTheAddressQuestionGives(string code, int number)
    {
        var filter = new ResultsFilter(2018, 1, Breast, ResultBasis.Adjusted);

        var link = _links.Questions(code, filter)(number);

        link.Should().Be(_links.Question(code, number, filter))
            .And.Be($"/organisations/{code}/questions/{number}?year=2018&tumour=breast&basis=adjusted");
    }

    [Fact]
    public void Compare_NamesTheTumourGroupOnlyWhenItIsNotAllCancers()
    {
        var links = new[]
        {
            _links.Compare(),
            _links.Compare(["06P"]),
            _links.Compare(["06P", "RC9"], 2018, TumourGroups.AllCancersId),
            _links.Compare(["06P"], 2018, Breast, PageLinks.CsvHandler),
        };

        links.Should().Equal(
            "/compare",
            "/compare?codes=06P",
            "/compare?codes=06P,RC9&year=2018",
            "/compare?handler=csv&codes=06P&year=2018&tumour=breast");
    }
}
