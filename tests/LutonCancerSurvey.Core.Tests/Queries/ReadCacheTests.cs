using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Core.Tests.Support;

namespace LutonCancerSurvey.Core.Tests.Queries;

public sealed class ReadCacheTests
{
    private readonly ReadCache _cache = new();

    private static Task<string> ReadAsync(HeldReads held, string read) =>
        held.GetOrReadAsync(("results", 99), () => Task.FromResult(read), _ => 1, CancellationToken.None);

    [Fact]
    public async Task GetOrRead_ForThePublicAndACommissioner_HoldsEachTheirOwn()
    {
        var version = new FixedVersion("v1");
        var forPublic = new HeldReads(_cache, FixedViewer.Public, version);
        var forCommissioner = new HeldReads(_cache, FixedViewer.Commissioner, version);

        var publicFirst = await ReadAsync(forPublic, "published only");
        var commissioner = await ReadAsync(forCommissioner, "with the draft");
        var publicAgain = await ReadAsync(forPublic, "read again");

        publicFirst.Should().Be("published only");
        commissioner.Should().Be("with the draft");
        publicAgain.Should().Be("published only");
    }

    [Fact]
    public async Task GetOrRead_AfterTheDataVersionChanges_ReadsAgain()
    {
        var version = new FixedVersion("v1");
        var held = new HeldReads(_cache, FixedViewer.Commissioner, version);
        await ReadAsync(held, "before the import");

        version.Value = "v2";
        var after = await ReadAsync(held, "after the import");

        after.Should().Be("after the import");
    }

    [Fact]
    public async Task GetOrRead_WithKeysOfTwoQueriesEqualInValue_KeepsThemApart()
    {
        var held = new HeldReads(_cache, FixedViewer.Public, new FixedVersion("v1"));

        var results = await held.GetOrReadAsync(new ResultsKey(1), () => Task.FromResult("results"), _ => 1, CancellationToken.None);
        var findings = await held.GetOrReadAsync(new FindingsKey(1), () => Task.FromResult("findings"), _ => 1, CancellationToken.None);

        results.Should().Be("results");
        findings.Should().Be("findings");
    }

    private readonly record struct ResultsKey(int OrganisationId);

    private readonly record struct FindingsKey(int OrganisationId);
}
