using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Statistics;

namespace LutonCancerSurvey.Core.Queries;

/// <summary>An organisation as one edition states it; FactsYear is that edition, where the query says.</summary>
public sealed record OrganisationSummary(
    int Id, string Code, string Name, OrganisationLevel Level, int? AllianceId, string? AllianceCode, string? AllianceName,
    int? FactsYear = null)
{
    /// <summary>The Integrated Care Board it is part of in that edition, named as that edition names it.</summary>
    public OrganisationLink? Icb { get; init; }

    /// <summary>The NHS England region it is part of in that edition.</summary>
    public OrganisationLink? Region { get; init; }
}

/// <summary>An organisation named as the query says: a parent as the same edition names it, a predecessor or successor as the newest edition the viewer may see.</summary>
public sealed record OrganisationLink(int Id, string Code, string Name);

public sealed record QuestionResult(QuestionInfo Question, Figure? Organisation, Figure? England)
{
    /// <summary>Organisation minus England, when both have a figure.</summary>
    public double? GapToEngland => Organisation?.Score is { } own && England?.Score is { } england ? own - england : null;
}

/// <summary>
/// One year × tumour group × basis the organisation has results for: the choices its filters offer. An embargoed
/// draft (IsDraft) is shown only to those who may see embargoed results, with a warning; PublishAt is when its embargo
/// is scheduled to lift, if it is. A draft whose scheduled time has passed is public, and no longer IsDraft.
/// </summary>
public sealed record ResultFacet(int EditionId, int Year, int TumourGroupId, ResultBasis Basis, bool IsDraft, DateTimeOffset? PublishAt);

/// <summary>An organisation as one edition states it: its name and its Cancer Alliance that year.</summary>
public sealed record OrganisationFacts(int Year, OrganisationSummary Organisation);

/// <summary>
/// One organisation for one viewer. Organisation is what the newest edition they may see states; <see cref="In"/>
/// gives what a given edition states.
/// </summary>
public sealed record OrganisationHeader(OrganisationSummary Organisation, int? EnglandId, IReadOnlyList<ResultFacet> Facets)
{
    /// <summary>The organisation's facts in every edition this viewer may see, newest first.</summary>
    public IReadOnlyList<OrganisationFacts> Editions { get; init; } = [];

    /// <summary>What it became, step by step, as far as this viewer may see; empty when it carries on.</summary>
    public IReadOnlyList<SuccessionStep> Became { get; init; } = [];

    /// <summary>The organisations that became (part of) it, directly or through others, newest first.</summary>
    public IReadOnlyList<SuccessionStep> Predecessors { get; init; } = [];

    /// <summary>The header with the organisation as the edition of <paramref name="year"/> states it.</summary>
    public OrganisationHeader In(int year) =>
        Editions.FirstOrDefault(e => e.Year == year) is { } facts ? this with { Organisation = facts.Organisation } : this;

    public int? EditionIdOf(int year) => Facets.FirstOrDefault(f => f.Year == year)?.EditionId;

    /// <summary>The embargo on a year's figures, or null when they are published.</summary>
    public Embargo? EmbargoOf(int year) =>
        Facets.FirstOrDefault(f => f.Year == year) is { IsDraft: true } f ? new Embargo(year, f.PublishAt) : null;

    public IReadOnlyList<int> Years => Facets.Select(f => f.Year).Distinct().OrderDescending().ToList();

    public IReadOnlyList<int> TumourGroupsIn(int year) =>
        Facets.Where(f => f.Year == year).Select(f => f.TumourGroupId).Distinct().Order().ToList();

    public IReadOnlyList<ResultBasis> BasesIn(int year, int tumourGroupId) =>
        Facets.Where(f => f.Year == year && f.TumourGroupId == tumourGroupId).Select(f => f.Basis).Distinct().Order().ToList();
}

// AsksAs: null when the point is this question in this questionnaire; otherwise what it was asked as in an earlier or
// later questionnaire that a crosswalk matches with it ("Q10 in the CPES questionnaire used 2015 to 2019").
public sealed record TrendPoint(int Year, Figure? Organisation, Figure? England, string? AsksAs = null);

public sealed record FunnelEntry(string Code, string Name, int Respondents, double Score)
{
    /// <summary>The decimal places the score was published to; null when not recorded.</summary>
    public int? Decimals { get; init; }
}

public sealed record QuestionDetail(
    OrganisationHeader Header,
    int Year,
    int TumourGroupId,
    ResultBasis Basis,
    QuestionInfo Question,
    Figure? Organisation,
    Figure? England,
    Figure? Alliance,
    IReadOnlyList<TrendPoint> Trend,
    IReadOnlyList<FunnelEntry> Peers,
    int SuppressedPeers)
{
    /// <summary>The organisation's place among the peers shown, ties included; null when its own figure is not shown.</summary>
    public RankResult? Rank { get; init; }

    /// <summary>
    /// Where the trend stops at a change of questionnaire that no crosswalk bridges, the years left out and why; null when
    /// every year the organisation has is comparable.
    /// </summary>
    public string? TrendBreak { get; init; }

    /// <summary>Its predecessors' trend figures on this question, each under its own name; empty when it has none.</summary>
    public IReadOnlyList<PredecessorPoint> PredecessorTrend { get; init; } = [];
}

/// <summary>Draft figures seen before publication day; Until is null when no date is set.</summary>
public sealed record Embargo(int Year, DateTimeOffset? Until);

public sealed record VisibleEdition(int Year, Embargo? Embargo);

/// <summary>A questionnaire series as an edition uses it: its code, name, and the years it is the default for.</summary>
public sealed record QuestionnaireInfo(string Code, string Name, int? FirstYear, int? LastYear);
