using LutonCancerSurvey.Core.Queries;

namespace LutonCancerSurvey.Core.Tests.Support;

/// <summary>A data version set by the test: what is held stays held until the test changes <see cref="Value"/>.</summary>
public sealed class FixedVersion(string value = "fixture") : IDataVersionSource
{
    public string Value { get; set; } = value;

    public ValueTask<string> CurrentAsync(CancellationToken cancellationToken) => ValueTask.FromResult(Value);
}
