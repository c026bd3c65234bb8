namespace LutonCancerSurvey.Core.Domain;

/// <summary>Who is looking: decides whether draft (embargoed) editions are visible.</summary>
public interface IViewer
{
    bool SeesDrafts { get; }
}

/// <summary>A viewer decided in advance rather than by a request: for commands, benchmarks and tests.</summary>
public sealed record FixedViewer(bool SeesDrafts) : IViewer
{
    /// <summary>Anyone not signed in: published editions only.</summary>
    public static FixedViewer Public { get; } = new(SeesDrafts: false);

    /// <summary>A signed-in commissioner or administrator: drafts too.</summary>
    public static FixedViewer Commissioner { get; } = new(SeesDrafts: true);
}
