using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Core.Tests.Support;

namespace LutonCancerSurvey.Core.Tests.Queries;

public sealed class CompareQueryTests(ReadFixture fixture) : IClassFixture<ReadFixture>
{
    [Fact]
    public async Task OrganisationsByCode_GivesThoseTheEditionHas_AndEngland_AsThatEditionNamesThem()
    {
        await using var db = fixture.Context(FixedViewer.Public);

        var found = await new CompareQuery(db).OrganisationsByCodeAsync(["99X", "99N"], 2017, CancellationToken.None);

        found.Select(o => (o.Code, o.Name)).Should().BeEquivalentTo([("99X", "NHS Old Testshire CCG"), ("E92000001", "England")]);
    }

    [Fact]
    public async Task OrganisationsByCode_InADraftYear_IsNoneForThePublic_AndFoundForACommissioner()
    {
        await using var visitorDb = fixture.Context(FixedViewer.Public);
        await using var commissionerDb = fixture.Context(FixedViewer.Commissioner);

        var visitor = await new CompareQuery(visitorDb).OrganisationsByCodeAsync(["99N"], 2019, CancellationToken.None);
        var commissioner = await new CompareQuery(commissionerDb).OrganisationsByCodeAsync(["99N"], 2019, CancellationToken.None);

        visitor.Should().BeEmpty();
        commissioner.Select(o => (o.Code, o.Name)).Should().BeEquivalentTo([("99N", "NHS Newtown CCG"), ("E92000001", "England")]);
    }

    [Fact]
    public async Task OrganisationsInEdition_ListsAllButEnglandByName()
    {
        await using var db = fixture.Context(FixedViewer.Public);

        var listed = await new CompareQuery(db).OrganisationsInEditionAsync(2018, CancellationToken.None);

        listed.Select(o => o.Code).Should().Equal("99Y", "99Z", "99W", "99X", "E56000099");
    }

    [Fact]
    public async Task ResultsForOrganisations_ReadsEveryBasisOfTheTumourGroupInThatEdition()
    {
        var header = (await fixture.HeaderAsync("99X"))!;
        await using var db = fixture.Context(FixedViewer.Public);

        var rows = await new CompareQuery(db).ResultsForOrganisationsAsync(
            [header.Organisation.Id], 2018, TumourGroups.AllCancersId, CancellationToken.None);

        rows.Select(r => (r.Question.Number, r.Figure.Basis, r.Figure.Score)).Should().BeEquivalentTo(
            [(22, ResultBasis.Adjusted, (double?)64), (22, ResultBasis.Trend, 65), (59, ResultBasis.Adjusted, 8.7), (59, ResultBasis.Trend, 8.6)]);
    }
}
