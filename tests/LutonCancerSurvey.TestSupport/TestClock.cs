using Microsoft.Extensions.Time.Testing;

namespace LutonCancerSurvey.TestSupport;

/// <summary>The tests' one kind of clock: a FakeTimeProvider, which moves only when a test moves it.</summary>
public static class TestClock
{
    /// <summary>The instant a clock reads unless a test gives its own, so times can be asserted exactly.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public static FakeTimeProvider At(DateTimeOffset? now = null) => new(now ?? DefaultNow);
}
