using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Core.Tests.Support;

namespace LutonCancerSurvey.Core.Tests.Queries;

public sealed class TumourGroupsQueryTests(ReadFixture fixture) : IClassFixture<ReadFixture>
{
    [Fact]
    public async Task ByTumourGroup_ListsEachGroupTheOrganisationHasByName_WithAWithheldFigureCarryingNoScore()
    {
        var header = (await fixture.HeaderAsync("99X"))!;
        await using var db = fixture.Context(FixedViewer.Public);

        var groups = await new TumourGroupsQuery(db, ReadFixture.Fresh(FixedViewer.Public)).ByTumourGroupAsync(header, header.EditionIdOf(2018)!.Value, 59, CancellationToken.None);

        groups.Select(g => (TumourGroups.NameOf(g.TumourGroupId), g.Organisation.Score, g.Organisation.IsSuppressed, g.England?.Score))
            .Should().Equal(("Breast", 9.0, false, 8.9), ("Lung", null, true, 8.7));
    }
}
