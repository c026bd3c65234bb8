using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Core.Tests.Support;

namespace LutonCancerSurvey.Core.Tests.Queries;

public sealed class OrganisationFinderQueryTests(ReadFixture fixture) : IClassFixture<ReadFixture>
{
    [Fact]
    public async Task FindOrganisations_ByAFormerName_FindsItUnderItsNewestName()
    {
        await using var db = fixture.Context(FixedViewer.Public);

        var found = await new OrganisationFinderQuery(db).FindOrganisationsAsync("old testshire", null, 10, CancellationToken.None);

        found.Select(o => (o.Code, o.Name)).Should().Equal(("99X", "NHS Testshire CCG"));
    }

    [Fact]
    public async Task FindOrganisations_OnlyADraftHas_AreFoundByACommissionerAlone()
    {
        await using var forPublic = fixture.Context(FixedViewer.Public);
        await using var forCommissioner = fixture.Context(FixedViewer.Commissioner);

        var publicFinds = await new OrganisationFinderQuery(forPublic).FindOrganisationsAsync("newtown", null, 10, CancellationToken.None);
        var commissionerFinds = await new OrganisationFinderQuery(forCommissioner).FindOrganisationsAsync("newtown", null, 10, CancellationToken.None);

        publicFinds.Should().BeEmpty();
        commissionerFinds.Select(o => o.Code).Should().Equal("99N");
    }

    [Fact]
    public async Task PublishedOrganisations_ListEnglandFirstThenByLevelAndName()
    {
        await using var db = fixture.Context(FixedViewer.Public);

        var listed = await new OrganisationFinderQuery(db).PublishedOrganisationsAsync(null, CancellationToken.None);

        listed.Select(o => o.Code).Should().Equal("E92000001", "E56000099", "99Y", "99Z", "99W", "99X");
    }
}
