using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;

namespace LutonCancerSurvey.Core.Tests.Queries;

public class OrganisationHeaderCacheTests
{
    private static readonly OrganisationHeader Luton =
        new(new OrganisationSummary(1, "06P", "NHS Luton CCG", OrganisationLevel.Ccg, null, null, null), null, []);

    [Fact]
    public async Task GetOrRead_ByTheOrganisationsOwnCode_ReadsOncePerVersionAndViewer()
    {
        var cache = new OrganisationHeaderCache();
        var reads = 0;
        Task<OrganisationHeader?> Read() { reads++; return Task.FromResult<OrganisationHeader?>(Luton); }

        await cache.GetOrReadAsync("v1", "06P", seesDrafts: false, Read);
        await cache.GetOrReadAsync("v1", "06P", seesDrafts: false, Read);
        await cache.GetOrReadAsync("v1", "06P", seesDrafts: true, Read);

        reads.Should().Be(2, "those who may see drafts are held apart from the public");
    }

    [Theory]
    [InlineData("06p")]
    [InlineData("06P ")]
    public async Task GetOrRead_ByAnotherSpellingTheDatabaseAlsoMatches_IsNotHeld(string spelling)
    {
        var cache = new OrganisationHeaderCache();
        var reads = 0;
        Task<OrganisationHeader?> Read() { reads++; return Task.FromResult<OrganisationHeader?>(Luton); }

        var first = await cache.GetOrReadAsync("v1", spelling, seesDrafts: false, Read);
        await cache.GetOrReadAsync("v1", spelling, seesDrafts: false, Read);

        first.Should().BeSameAs(Luton);
        reads.Should().Be(2);
    }

    [Fact]
    public async Task GetOrRead_ForAnUnknownCode_IsNotHeld()
    {
        var cache = new OrganisationHeaderCache();
        var reads = 0;
        Task<OrganisationHeader?> Read() { reads++; return Task.FromResult<OrganisationHeader?>(null); }

        await cache.GetOrReadAsync("v1", "ZZ9", seesDrafts: false, Read);
        await cache.GetOrReadAsync("v1", "ZZ9", seesDrafts: false, Read);

        reads.Should().Be(2);
    }
}
