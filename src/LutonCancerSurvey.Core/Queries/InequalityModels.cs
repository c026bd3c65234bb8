using LutonCancerSurvey.Core.Domain;

namespace LutonCancerSurvey.Core.Queries;

/// <summary>One question's result for one breakdown (e.g. women), beside England's for the same breakdown.</summary>
public sealed record BreakdownResult(QuestionInfo Question, Figure? Organisation, bool? GroupDifferenceSignificant, Figure? England)
{
    /// <summary>The group the survey's test compared this one with, where the source names it.</summary>
    public Breakdown? ComparedWith { get; init; }
}

/// <summary>
/// The stored groups, by id: their names, and their rank across dimensions (sex, then deprivation, then the others in
/// the order they were first imported; within each, the stored order).
/// </summary>
internal sealed class BreakdownCatalogue
{
    private readonly Dictionary<int, (Breakdown Breakdown, int Rank)> _byId = [];

    public BreakdownCatalogue(IReadOnlyList<BreakdownGroup> groups)
    {
        var dimensions = groups.GroupBy(g => g.Dimension)
            .OrderBy(d => d.Key switch { Breakdown.Sex => 0, Breakdown.Deprivation => 1, _ => 2 })
            .ThenBy(d => d.Min(g => g.Id))
            .Select(d => d.Key)
            .ToList();
        foreach (var group in groups)
        {
            if (Breakdown.TryCreate(group.Dimension, group.Group, out var breakdown))
            {
                _byId[group.Id] = (breakdown, ((dimensions.IndexOf(group.Dimension) + 1) * 10_000) + group.Order);
            }
        }
    }

    /// <summary>The group stored with this id; all patients for 0.</summary>
    public Breakdown Of(int id) => id == Breakdown.AllPatientsId ? Breakdown.AllPatients : _byId[id].Breakdown;

    public int RankOf(int id) => id == Breakdown.AllPatientsId ? 0 : _byId[id].Rank;

    /// <summary>The id a group is stored with, matched ignoring the case of its group; null when none is.</summary>
    public int? IdOf(Breakdown breakdown)
    {
        if (breakdown.IsAllPatients)
        {
            return Breakdown.AllPatientsId;
        }

        foreach (var (id, (stored, _)) in _byId)
        {
            if (stored.Dimension == breakdown.Dimension && string.Equals(stored.Group, breakdown.Group, StringComparison.OrdinalIgnoreCase))
            {
                return id;
            }
        }

        return null;
    }
}
