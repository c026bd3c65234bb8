using LutonCancerSurvey.Core.Queries;

namespace LutonCancerSurvey.Core.Tests.Queries;

public class VersionedStoreTests
{
    [Fact]
    public async Task GetOrAdd_AtTheSameVersion_ComputesOnce()
    {
        var store = new VersionedStore<string, int>(capacity: 10);
        var computed = 0;

        var first = await store.GetOrAddAsync("v1", "06P", _ => Task.FromResult(++computed));
        var second = await store.GetOrAddAsync("v1", "06P", _ => Task.FromResult(++computed));

        first.Should().Be(1);
        second.Should().Be(1);
        computed.Should().Be(1);
    }

    [Fact]
    public async Task GetOrAdd_AfterTheVersionChanges_ComputesAgain()
    {
        var store = new VersionedStore<string, int>(capacity: 10);
        var computed = 0;
        await store.GetOrAddAsync("v1", "06P", _ => Task.FromResult(++computed));

        var after = await store.GetOrAddAsync("v2", "06P", _ => Task.FromResult(++computed));
        var again = await store.GetOrAddAsync("v2", "06P", _ => Task.FromResult(++computed));

        after.Should().Be(2);
        again.Should().Be(2);
    }

    [Fact]
    public async Task GetOrAdd_WhenKeepRefuses_ComputesEveryTime()
    {
        var store = new VersionedStore<string, string?>(capacity: 10);
        var computed = 0;

        for (var i = 0; i < 3; i++)
        {
            await store.GetOrAddAsync("v1", "XXX", _ => { computed++; return Task.FromResult<string?>(null); }, keep: v => v is not null);
        }

        computed.Should().Be(3);
    }

    [Fact]
    public async Task GetOrAdd_BeyondCapacity_ComputesWithoutKeeping()
    {
        var store = new VersionedStore<int, int>(capacity: 2);
        var computed = 0;
        foreach (var key in new[] { 1, 2, 3, 3, 1 })
        {
            await store.GetOrAddAsync("v1", key, k => { computed++; return Task.FromResult(k); });
        }

        computed.Should().Be(4);
    }

    [Fact]
    public async Task GetOrAdd_WeighedByRows_KeepsOnlyWhatFitsTheCapacity()
    {
        var store = new VersionedStore<int, int[]>(capacity: 5);
        var computed = 0;
        foreach (var key in new[] { 1, 2, 1, 2 })
        {
            // Three rows each: the first fits, the second would make six.
            await store.GetOrAddAsync("v1", key, _ => { computed++; return Task.FromResult(new int[3]); }, weight: rows => rows.Length);
        }

        computed.Should().Be(3);
    }
}
