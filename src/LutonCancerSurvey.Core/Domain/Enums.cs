namespace LutonCancerSurvey.Core.Domain;

public enum EditionStatus
{
    Draft = 0,
    Published = 1,
}

/// <summary>
/// The kinds of organisation the survey reports on. CCGs are kept for the editions before July 2022, when Integrated
/// Care Boards (ICBs) and their sub-ICB locations replaced them; recent editions also report NHS England regions.
/// Stored as numbers: new kinds take new numbers.
/// </summary>
public enum OrganisationLevel
{
    National = 0,
    CancerAlliance = 1,
    Ccg = 2,
    Trust = 3,
    Region = 4,
    Icb = 5,
    SubIcb = 6,
}

/// <summary>How one organisation gave way to another. Stored as numbers.</summary>
public enum SuccessionKind
{
    /// <summary>It became part of the successor (several CCGs into one, a CCG into an ICB).</summary>
    Merged = 1,

    /// <summary>The same body under a new code and name (a Trust's new code, say).</summary>
    Renamed = 2,

    /// <summary>It was closed; its work passed to the successor, if one is named.</summary>
    Abolished = 3,
}

public enum Scoring
{
    PercentPositive = 0,
    MeanOutOfTen = 1,

    /// <summary>
    /// A question the survey publishes only the answers to (routing and demographic questions): it has answer
    /// frequencies but no result, so it never reaches a score's table, chart, test or finding.
    /// </summary>
    None = 2,
}

public enum ResultBasis
{
    Adjusted = 1,
    Unadjusted = 2,
    Trend = 3,
}

/// <summary>The published performance band of a case-mix adjusted score against its expected range.</summary>
public enum Band
{
    Above = 1,
    Within = 2,
    Below = 3,
}

public enum ChangeDirection
{
    Unchanged = 0,
    Up = 1,
    Down = 2,
}

public enum Suppression
{
    None = 0,

    /// <summary>Fewer than <see cref="Disclosure.MinimumRespondents"/> respondents: the disclosure-control rule, applied whatever the file says.</summary>
    FewRespondents = 1,

    /// <summary>The source withheld the figure although it had enough respondents.</summary>
    Source = 2,
}
