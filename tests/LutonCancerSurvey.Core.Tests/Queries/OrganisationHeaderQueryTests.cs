using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Core.Tests.Support;

namespace LutonCancerSurvey.Core.Tests.Queries;

public sealed class OrganisationHeaderQueryTests(ReadFixture fixture) : IClassFixture<ReadFixture>
{
    [Fact]
    public async Task Header_OfARenamedOrganisation_NamesItAsEachEditionDid()
    {
        var header = (await fixture.HeaderAsync("99X"))!;

        header.Organisation.Name.Should().Be("NHS Testshire CCG");
        header.In(2017).Organisation.Name.Should().Be("NHS Old Testshire CCG");
        header.Organisation.AllianceName.Should().Be("Test Alliance");
        header.Years.Should().Equal(2018, 2017);
    }

    [Fact]
    public async Task Header_OfAnOrganisationOnlyADraftHas_IsNoneForThePublic_AndEmbargoedForACommissioner()
    {
        var forPublic = await fixture.HeaderAsync("99N", FixedViewer.Public);
        var forCommissioner = await fixture.HeaderAsync("99N", FixedViewer.Commissioner);

        forPublic.Should().BeNull();
        forCommissioner!.Organisation.Name.Should().Be("NHS Newtown CCG");
        forCommissioner.Facets.Should().ContainSingle().Which.IsDraft.Should().BeTrue();
        forCommissioner.EmbargoOf(2019).Should().Be(new Embargo(2019, null));
    }
}
