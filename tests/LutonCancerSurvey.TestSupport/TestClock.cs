namespace LutonCancerSurvey.Core.Tests.Support;

/// <summary>A clock that always reads the same instant, so publication times can be asserted exactly.</summary>
public sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public static readonly DateTimeOffset DefaultNow = new(2025, 3, 14, 9, 30, 0, TimeSpan.Zero);

    public FixedTimeProvider()
        : this(DefaultNow)
    {
    }

    public override DateTimeOffset GetUtcNow() => now;
}
