namespace LutonCancerSurvey.Core.Domain;

/// <summary>
/// A questionnaire the survey used for one or more editions. Questions of one series with the same number are the
/// same question across its editions; across series they are the same only where a <see cref="QuestionLink"/> says so
/// (numbers were reused for other questions when the questionnaire was redeveloped for 2021).
/// </summary>
public class QuestionSeries
{
    public int Id { get; set; }

    /// <summary>How files and crosswalks name it, e.g. <c>cpes-2015</c>.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>
    /// The editions that use it unless a file says otherwise (2015 to 2019 for the built-in questionnaire); null for a
    /// series only files name.
    /// </summary>
    public int? FirstYear { get; set; }

    public int? LastYear { get; set; }

    public bool IsDefaultFor(int year) => FirstYear <= year && year <= LastYear;
}

/// <summary>One scored question of a series' questionnaire: what a results file without wording or section needs.</summary>
public class QuestionnaireItem
{
    public int Id { get; set; }
    public int SeriesId { get; set; }
    public QuestionSeries? Series { get; set; }
    public int Number { get; set; }
    public required string Section { get; set; }
    public Scoring Scoring { get; set; }
}

/// <summary>
/// A crosswalk line: question <see cref="FromNumber"/> of one series asks what <see cref="ToNumber"/> of another asks,
/// so trends and year-on-year comparisons may cross the change of questionnaire for it, labelled.
/// </summary>
public class QuestionLink
{
    public int Id { get; set; }
    public int FromSeriesId { get; set; }
    public QuestionSeries? FromSeries { get; set; }
    public int FromNumber { get; set; }
    public int ToSeriesId { get; set; }
    public QuestionSeries? ToSeries { get; set; }
    public int ToNumber { get; set; }
}

/// <summary>What a series code may be: short, lower-case letters, digits and hyphens (<c>cpes-2021</c>).</summary>
public static class QuestionSeriesCodes
{
    public const string Rule = "lower-case letters, digits and hyphens, at most 40, such as cpes-2021";

    public static bool IsValid(string? code) =>
        code is { Length: > 0 and <= 40 } && code.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}

/// <summary>
/// Which question is the overall rating of care: the questionnaire's 0-10 rating (Q59 from 2015 to 2019), found in
/// the questionnaire rather than assumed, since another questionnaire numbers it otherwise.
/// </summary>
public static class OverallRating
{
    public static int? NumberIn(IEnumerable<QuestionInfo> questions) =>
        questions.Where(q => q.Scoring == Scoring.MeanOutOfTen).Select(q => (int?)q.Number).Min();
}
