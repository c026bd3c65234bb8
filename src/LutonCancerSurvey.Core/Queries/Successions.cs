using LutonCancerSurvey.Core.Domain;

namespace LutonCancerSurvey.Core.Queries;

/// <summary>One succession as a viewer may see it: both organisations named as the newest edition they may see.</summary>
public sealed record SuccessionStep(OrganisationLink Predecessor, OrganisationLink? Successor, int FromYear, SuccessionKind Kind);

/// <summary>A predecessor's figure on a successor's trend, labelled with the name its own edition gave it.</summary>
public sealed record PredecessorPoint(int Year, OrganisationLink Organisation, Figure Figure);

/// <summary>
/// The successions one viewer may see: those whose predecessor and successor both have an edition the viewer may see.
/// A succession to an organisation that only a draft has is left out, so a draft's names never reach the public.
/// </summary>
public sealed class SuccessionMap
{
    private readonly Dictionary<int, SuccessionStep> _byPredecessor;
    private readonly ILookup<int, SuccessionStep> _bySuccessor;

    public SuccessionMap(IEnumerable<SuccessionStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        _byPredecessor = steps.ToDictionary(s => s.Predecessor.Id);
        _bySuccessor = _byPredecessor.Values.Where(s => s.Successor is not null).ToLookup(s => s.Successor!.Id);
    }

    public static SuccessionMap Empty { get; } = new([]);

    public bool IsEmpty => _byPredecessor.Count == 0;

    /// <summary>
    /// What the organisation became, step by step: its own succession, then its successor's, and so on, as far as
    /// the viewer may see. The lookup refuses loops; the guard only keeps a damaged database from hanging a page.
    /// </summary>
    public IReadOnlyList<SuccessionStep> Became(int organisationId)
    {
        var chain = new List<SuccessionStep>();
        var seen = new HashSet<int> { organisationId };
        var at = organisationId;
        while (_byPredecessor.TryGetValue(at, out var step))
        {
            chain.Add(step);
            if (step.Successor is null || !seen.Add(step.Successor.Id))
            {
                break;
            }

            at = step.Successor.Id;
        }

        return chain;
    }

    /// <summary>Every organisation that became (part of) this one, directly or through others: the newest first.</summary>
    public IReadOnlyList<SuccessionStep> Predecessors(int organisationId)
    {
        var found = new List<SuccessionStep>();
        var seen = new HashSet<int> { organisationId };
        var next = new Queue<int>([organisationId]);
        while (next.TryDequeue(out var at))
        {
            foreach (var step in _bySuccessor[at].OrderBy(s => s.Predecessor.Name, StringComparer.Ordinal))
            {
                if (seen.Add(step.Predecessor.Id))
                {
                    found.Add(step);
                    next.Enqueue(step.Predecessor.Id);
                }
            }
        }

        return found.OrderByDescending(s => s.FromYear).ToList();
    }
}
