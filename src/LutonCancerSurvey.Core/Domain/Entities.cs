namespace LutonCancerSurvey.Core.Domain;

public class SurveyEdition
{
    public int Id { get; set; }
    public int Year { get; set; }
    public EditionStatus Status { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>When a draft's embargo lifts by itself (UTC); null when no publication is scheduled.</summary>
    public DateTimeOffset? PublishAt { get; set; }

    /// <summary>The questionnaire the edition used; null only in a database from before questionnaires were data.</summary>
    public int? SeriesId { get; set; }
    public QuestionSeries? Series { get; set; }
}

/// <summary>Who did what, when: every import, publication change and user change.</summary>
/// <summary>
/// A named layout an administrator saved for files the product does not know: its definition as JSON (the importer's
/// LayoutDefinition) and the signature of the header it was made for, so that a later file with the same header is
/// read with it again.
/// </summary>
public class SavedLayout
{
    public const int MaxNameLength = 100;

    public int Id { get; set; }
    public required string Name { get; set; }
    public required string HeaderSignature { get; set; }
    public required string Definition { get; set; }
    public DateTimeOffset SavedAt { get; set; }
    public required string SavedBy { get; set; }
}

public class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Details { get; set; }
    public string? Sha256 { get; set; }
}

/// <summary>
/// A counter bumped by every change to what the public can see, so that every app instance can tell its cached
/// pages are stale. One row.
/// </summary>
public class DataVersion
{
    public const int SingletonId = 1;

    public int Id { get; set; }
    public long Version { get; set; }
}

/// <summary>
/// An organisation as a code only. What it is called, what kind of organisation it is and what it belongs to are
/// facts of an edition (<see cref="OrganisationEdition"/>), so a draft that renames or moves it changes nothing the
/// public sees, and a code can change kind: in 2022 most CCGs became sub-ICB locations and kept their codes.
/// </summary>
public class Organisation
{
    public int Id { get; set; }
    public required string Code { get; set; }

    /// <summary>
    /// Its level in the newest edition it reports in. Each edition's own is <see cref="OrganisationEdition.Level"/>,
    /// which pages, peers and funnels use; this one only lets the importer tell a region, ICB or Alliance from the
    /// organisations it contains before their facts exist.
    /// </summary>
    public OrganisationLevel Level { get; set; }
}

/// <summary>
/// An organisation's name and what it is part of, as one edition's files state them: its Cancer Alliance, its
/// Integrated Care Board (a Trust's or a sub-ICB location's) and its NHS England region (an ICB's, say). The map
/// changes between editions, so each edition keeps its own.
/// </summary>
public class OrganisationEdition
{
    public int EditionId { get; set; }
    public SurveyEdition? Edition { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string Name { get; set; }

    /// <summary>What kind of organisation it is in this edition: 06P is a CCG in 2018 and a sub-ICB location in 2023.</summary>
    public OrganisationLevel Level { get; set; }
    public int? AllianceId { get; set; }
    public Organisation? Alliance { get; set; }
    public int? IcbId { get; set; }
    public Organisation? Icb { get; set; }
    public int? RegionId { get; set; }
    public Organisation? Region { get; set; }
}

/// <summary>
/// What became of an organisation from one survey year on: it merged into another, took a new code (renamed), or
/// was abolished, its work passing to another or to none. Each organisation has at most one, so the story of a CCG
/// that merged in 2021 and whose successor merged into an ICB in 2022 is a chain of two. Loaded from the lookup
/// file an administrator uploads (docs/data-format.md); it belongs to no edition, so who may see it depends on
/// whether they may see both organisations (<see cref="EditionVisibility"/> through their editions' facts).
/// </summary>
public class Succession
{
    public int Id { get; set; }
    public int PredecessorId { get; set; }
    public Organisation? Predecessor { get; set; }

    /// <summary>Null only for an organisation abolished with no successor.</summary>
    public int? SuccessorId { get; set; }
    public Organisation? Successor { get; set; }

    /// <summary>The first survey year in which the successor reports instead of the predecessor.</summary>
    public int FromYear { get; set; }
    public SuccessionKind Kind { get; set; }
}

public class Question
{
    public int Id { get; set; }
    public int EditionId { get; set; }
    public SurveyEdition? Edition { get; set; }
    public int Number { get; set; }
    public required string Text { get; set; }
    public required string Section { get; set; }
    public Scoring Scoring { get; set; }
}

public class TumourGroup
{
    public int Id { get; set; }
    public required string Name { get; set; }
}

public class ImportRecord
{
    public int Id { get; set; }
    public required string FileName { get; set; }
    public required string Sha256 { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public int Rows { get; set; }
}

public class SurveyResult
{
    public long Id { get; set; }
    public int EditionId { get; set; }
    public SurveyEdition? Edition { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public int QuestionId { get; set; }
    public Question? Question { get; set; }
    public int TumourGroupId { get; set; }
    public TumourGroup? TumourGroup { get; set; }
    /// <summary>The <see cref="BreakdownGroup"/> the result is of, or <see cref="Breakdown.AllPatientsId"/> for all patients.</summary>
    public int BreakdownId { get; set; }
    public ResultBasis Basis { get; set; }

    /// <summary>Null when suppressed, or when the source gives no count.</summary>
    public int? Respondents { get; set; }

    /// <summary>Null when suppressed: a suppressed figure is never stored, so it can never be shown.</summary>
    public double? Score { get; set; }

    /// <summary>
    /// The decimal places the source published the score to (8.85 has 2, 56 has 0), so every page shows it as
    /// published; null when suppressed, or imported before it was recorded (the scale's usual places are used then).
    /// </summary>
    public int? ScoreDecimals { get; set; }
    public double? CiLower { get; set; }
    public double? CiUpper { get; set; }
    public double? ExpectedLower { get; set; }
    public double? ExpectedUpper { get; set; }
    public Band? Band { get; set; }
    public ChangeDirection? ChangeSincePrevious { get; set; }
    public ChangeDirection? ChangeOverall { get; set; }

    /// <summary>The published test of the gap between this group and another (male against female, IMD 1 against 5).</summary>
    public bool? GroupDifferenceSignificant { get; set; }

    /// <summary>
    /// The group the survey's test compared this one with, where the source names it; null for the tests of sex and
    /// deprivation, which always compare men with women and IMD 1 with 5.
    /// </summary>
    public int? ComparedWithId { get; set; }
    public Suppression Suppression { get; set; }

    /// <summary>A citation for figures that come from elsewhere than the import file itself (e.g. a press release).</summary>
    public string? SourceNote { get; set; }
    public int ImportId { get; set; }
    public ImportRecord? Import { get; set; }
    public int SourceRow { get; set; }
}

/// <summary>
/// How the respondents of one organisation, question, tumour group and breakdown in an edition answered: the question's
/// respondents and its options. Answers are the raw (unadjusted) counts, so they have no basis. When the question has
/// fewer than the minimum respondents, or the source suppressed it, no option keeps a figure.
/// </summary>
public class AnswerSet
{
    public long Id { get; set; }
    public int EditionId { get; set; }
    public SurveyEdition? Edition { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public int QuestionId { get; set; }
    public Question? Question { get; set; }
    public int TumourGroupId { get; set; }
    public int BreakdownId { get; set; }

    /// <summary>Those who answered the question; null when suppressed.</summary>
    public int? Respondents { get; set; }
    public Suppression Suppression { get; set; }
    public int ImportId { get; set; }
    public List<AnswerOption> Options { get; set; } = [];
}

/// <summary>One answer option of an <see cref="AnswerSet"/>, in the questionnaire's order.</summary>
public class AnswerOption
{
    public long Id { get; set; }
    public long AnswerSetId { get; set; }
    public AnswerSet? Set { get; set; }

    /// <summary>The option's place in the questionnaire, from 1.</summary>
    public int Order { get; set; }
    public required string Label { get; set; }

    /// <summary>Whether the survey counts this answer towards the question's positive score.</summary>
    public bool CountsAsPositive { get; set; }

    /// <summary>Respondents choosing it; null when suppressed or not published.</summary>
    public int? Respondents { get; set; }

    /// <summary>The percentage of the question's respondents choosing it; null when suppressed.</summary>
    public double? Percent { get; set; }

    /// <summary>The places the percentage was published to, so it is shown and written back as published.</summary>
    public int? PercentDecimals { get; set; }
    public Suppression Suppression { get; set; }
}
