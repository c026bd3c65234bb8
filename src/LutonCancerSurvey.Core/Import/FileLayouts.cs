using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Formatting;

namespace LutonCancerSurvey.Core.Import;

internal interface IFileLayout
{
    string Name { get; }
    IReadOnlyList<string> RequiredColumns { get; }
    IReadOnlyList<string> OptionalColumns { get; }

    /// <summary>This layout's names for the score, CI and expected-range columns, keyed by the tidy names.</summary>
    IReadOnlyDictionary<string, string> MeasureColumns { get; }

    /// <summary>The text columns and the entity property each is stored in, whose declared size bounds the field.</summary>
    IReadOnlyDictionary<string, (Type Entity, string Property)> StoredText { get; }

    /// <summary>Whether text was written with a quote against spreadsheet formulas, to be taken off on reading
    /// (<see cref="SpreadsheetText"/>): this dashboard's own downloads are.</summary>
    bool QuotesText { get; }

    /// <summary>Reads the current record; null when it has errors (already reported through the reader).</summary>
    ImportRow? Read(FieldReader field);
}

internal static class FileLayouts
{
    public static readonly IReadOnlyList<IFileLayout> All = [new CombinedLayout(), new TidyLayout()];

    /// <summary>Picks the layout whose columns the header shares most; reports missing and unknown columns.</summary>
    public static IFileLayout? Detect(IReadOnlyList<string> header, Action<ImportError> report)
    {
        var best = All.MaxBy(l => l.RequiredColumns.Count(c => header.Contains(c, StringComparer.Ordinal)))!;
        var shared = best.RequiredColumns.Count(c => header.Contains(c, StringComparer.Ordinal));
        if (shared < best.RequiredColumns.Count / 2)
        {
            report(new ImportError(1, null,
                "unknown header: the file is neither the CPES combined layout (Geog, Trust.Code, …) nor this "
                + "dashboard's tidy layout (year, level, organisation_code, …), and no saved layout has its header: map its "
                + "columns on the upload page, or import it with --layout NAME; see docs/data-format.md"));
            return null;
        }

        var ok = true;
        foreach (var missing in best.RequiredColumns.Where(c => !header.Contains(c, StringComparer.Ordinal)))
        {
            report(new ImportError(1, missing, $"missing column (required by the {best.Name} layout)"));
            ok = false;
        }

        var known = best.RequiredColumns.Concat(best.OptionalColumns).ToHashSet(StringComparer.Ordinal);
        foreach (var unknown in header.Where(c => !known.Contains(c)))
        {
            report(new ImportError(1, unknown, $"unknown column for the {best.Name} layout"));
            ok = false;
        }

        foreach (var duplicate in header.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            report(new ImportError(1, duplicate.Key, "column appears more than once"));
            ok = false;
        }

        return ok ? best : null;
    }

    public static int? ReadYear(FieldReader field, string column)
    {
        var year = field.WholeNumber(column);
        if (year is null)
        {
            if (field.Text(column).Length == 0)
            {
                field.Fail(column, "is empty");
            }

            return null;
        }

        if (year is < 2000 or > 2100)
        {
            field.Fail(column, $"{year} is not a survey year");
            return null;
        }

        return year;
    }

    /// <summary>An organisation code as <see cref="OrganisationCodes"/> allows it; empty when the field is empty.</summary>
    public static string ReadOrganisationCode(FieldReader field, string column, bool required)
    {
        var code = required ? field.RequiredText(column) : field.Text(column);
        CheckOrganisationCode(field, column, code);
        return code;
    }

    /// <summary>Reports a non-empty code that <see cref="OrganisationCodes"/> does not allow, on the file's own column.</summary>
    public static void CheckOrganisationCode(FieldReader field, string column, string code)
    {
        if (code.Length > 0 && !OrganisationCodes.IsValid(code))
        {
            field.Fail(column, $"'{code}' is not an organisation code: codes are {OrganisationCodes.Rule}");
        }
    }

    /// <summary>A breakdown word (docs/data-format.md): all, male, female, imd1 … imd5 or dimension:group.</summary>
    public static Breakdown? ReadBreakdown(FieldReader field, string column, bool required)
    {
        var text = field.Text(column);
        if (text.Length == 0)
        {
            if (required)
            {
                field.Fail(column, "is empty");
            }

            return null;
        }

        if (!Breakdown.TryParse(text, out var breakdown))
        {
            field.Fail(column, $"'{text}' is not a breakdown: use {Breakdown.WordRule}");
        }

        return breakdown;
    }

    /// <summary>
    /// The other group of a published test: another group of the row's own dimension, on a row that carries the test.
    /// </summary>
    public static Breakdown? ReadComparedWith(FieldReader field, string column, Breakdown? breakdown, bool? groupTest)
    {
        var other = ReadBreakdown(field, column, required: false);
        if (other is null || breakdown is null)
        {
            return null;
        }

        if (groupTest is null)
        {
            field.Fail(column, "names a compared group, but group_difference gives no test");
        }
        else if (other.IsAllPatients || other.Dimension != breakdown.Dimension || other == breakdown)
        {
            field.Fail(column, $"'{other.Word}' must be another group of the row's own dimension ('{breakdown.Dimension}')");
        }

        return other;
    }

    public static int? ReadTumourGroup(FieldReader field, string column)
    {
        var name = field.RequiredText(column);
        if (name.Length == 0)
        {
            return null;
        }

        var id = TumourGroups.FindId(name);
        if (id is null)
        {
            field.Fail(column, $"'{name}' is not a known tumour group ({string.Join(", ", TumourGroups.All.Select(t => t.Name))})");
        }

        return id;
    }

    public static int? ReadQuestionNumber(FieldReader field, string column)
    {
        var text = field.RequiredText(column);
        if (text.Length == 0)
        {
            return null;
        }

        if (!Vocabulary.TryParseQuestion(text, out var number))
        {
            field.Fail(column, $"'{text}' is not a question number such as Q22");
            return null;
        }

        return number;
    }
}

/// <summary>
/// The combined CPES layout published with the 2018 results (25 columns, one result a row). It names no section
/// (its labels have typos) and no scoring, so each comes from the questionnaire the database holds for the year.
/// </summary>
internal sealed class CombinedLayout(QuestionnaireCatalogue questionnaires) : IFileLayout
{
    public CombinedLayout()
        : this(QuestionnaireCatalogue.Empty)
    {
    }

    /// <summary>This layout, reading sections and scoring from <paramref name="catalogue"/>.</summary>
    public static CombinedLayout With(QuestionnaireCatalogue catalogue) => new(catalogue);

    private const string Geog = "Geog";
    private const string Code = "Trust.Code";
    private const string Name = "Trust.Name";
    private const string Year = "Year";
    private const string Gender = "Gender";
    private const string Imd = "IMD";
    private const string CancerType = "Cancer.Type";
    private const string QuestionNumber = "Question.Number";
    private const string QuestionText = "Question.Text";
    private const string Kind = "adjusted.unadjusted.yearonyear";
    private const string Responses = "Number.of.responses";
    private const string Score = "scored.percentage";
    private const string CiLower = "Lower.95..confidence.interval";
    private const string CiUpper = "Upper.95..confidence.interval";
    private const string Rating = "Performance.Rating";
    private const string ExpectedLower = "Expected.Range..lower.";
    private const string ExpectedUpper = "Expected.Range..upper.";
    private const string ChangeLastYear = "Significant.Change.2017.2018";
    private const string ChangeOverall = "SignificantChangeOverallyears";
    private const string GroupTest = "Significance.test";
    private const string AllianceName = "CALNCV18NM";

    private static readonly IReadOnlyDictionary<string, GenderOrQuintile> Genders =
        new Dictionary<string, GenderOrQuintile>(StringComparer.OrdinalIgnoreCase)
        {
            ["Both"] = new(Breakdown.AllPatients),
            ["Male"] = new(Breakdown.Male),
            ["Female"] = new(Breakdown.Female),
        };

    private static readonly IReadOnlyDictionary<string, GenderOrQuintile> Quintiles =
        new Dictionary<string, GenderOrQuintile>(StringComparer.OrdinalIgnoreCase)
        {
            ["All"] = new(Breakdown.AllPatients),
            ["1"] = new(Breakdown.Imd1),
            ["2"] = new(Breakdown.Imd2),
            ["3"] = new(Breakdown.Imd3),
            ["4"] = new(Breakdown.Imd4),
            ["5"] = new(Breakdown.Imd5),
        };

    string IFileLayout.Name => "CPES combined";

    public bool QuotesText => false;

    public IReadOnlyList<string> RequiredColumns { get; } =
    [
        Geog, Code, Name, Year, Gender, Imd, CancerType, QuestionNumber, QuestionText, Kind, Responses, Score, CiLower,
        CiUpper, Rating, ExpectedLower, ExpectedUpper, ChangeLastYear, ChangeOverall, GroupTest,
    ];

    // Derived by the dashboard that combined the files; read for the Alliance only, never for sections (typos).
    public IReadOnlyDictionary<string, string> MeasureColumns { get; } = new Dictionary<string, string>
    {
        ["score"] = Score,
        ["ci_lower"] = CiLower,
        ["ci_upper"] = CiUpper,
        ["expected_lower"] = ExpectedLower,
        ["expected_upper"] = ExpectedUpper,
    };

    public IReadOnlyList<string> OptionalColumns { get; } = ["Performance", "qnum", "abrvperformance", AllianceName, "cpesqtype"];

    public IReadOnlyDictionary<string, (Type Entity, string Property)> StoredText { get; } =
        new Dictionary<string, (Type Entity, string Property)>
        {
            [Code] = (typeof(Organisation), nameof(Organisation.Code)),
            [Name] = (typeof(OrganisationEdition), nameof(OrganisationEdition.Name)),
            [QuestionText] = (typeof(Question), nameof(Question.Text)),
            [CancerType] = (typeof(TumourGroup), nameof(TumourGroup.Name)),
            [AllianceName] = (typeof(OrganisationEdition), nameof(OrganisationEdition.Name)),
        };

    public ImportRow? Read(FieldReader field)
    {
        var level = field.Choice(Geog, Vocabulary.CombinedLevels, required: true);
        var code = level == OrganisationLevel.National ? field.RequiredText(Code) : FileLayouts.ReadOrganisationCode(field, Code, required: true);
        var name = field.RequiredText(Name);
        var year = FileLayouts.ReadYear(field, Year);
        var gender = field.Choice(Gender, Genders, required: true);
        var quintile = field.Choice(Imd, Quintiles, required: true);
        var tumour = FileLayouts.ReadTumourGroup(field, CancerType);
        var number = FileLayouts.ReadQuestionNumber(field, QuestionNumber);
        var text = field.RequiredText(QuestionText);
        var basis = field.Choice(Kind, Vocabulary.CombinedBases, required: true);
        var respondents = field.WholeNumber(Responses);
        var score = field.Number(Score);
        var series = year is { } y ? questionnaires.SeriesFor(y) : null;
        var item = series is not null && number is { } n ? questionnaires.Item(series.Id, n) : null;
        var scoreDecimals = score is { } written ? PublishedDecimals(written, item?.Scoring) : (int?)null;
        var ciLower = field.Number(CiLower);
        var ciUpper = field.Number(CiUpper);
        var band = field.Choice(Rating, Vocabulary.CombinedBands, required: false);
        var expectedLower = field.Number(ExpectedLower);
        var expectedUpper = field.Number(ExpectedUpper);
        var changeLastYear = field.Choice(ChangeLastYear, Vocabulary.CombinedChanges, required: false);
        var changeOverall = field.Choice(ChangeOverall, Vocabulary.CombinedChanges, required: false);
        var groupTest = field.Choice(GroupTest, Vocabulary.CombinedSignificance, required: false);
        var alliance = OptionalText(field, AllianceName);

        if (gender is not null && quintile is not null && !gender.Value.Breakdown.IsAllPatients && !quintile.Value.Breakdown.IsAllPatients)
        {
            field.Fail(Imd, "a row breaks down by gender or by deprivation, not both");
        }

        if (year is not null && number is not null)
        {
            if (series is null)
            {
                field.Fail(Year, $"no questionnaire is known for {year}: upload the {year} questionnaire first, or use the tidy "
                    + "layout, which names each question's section");
            }
            else if (item is null)
            {
                field.Fail(QuestionNumber, $"Q{number} is not a scored question of the {year} questionnaire ({series.Name})");
            }
        }

        if (field.HasErrors)
        {
            return null;
        }

        var isNational = level == OrganisationLevel.National;
        return new ImportRow
        {
            Line = field.Line,
            Year = year!.Value,
            Level = level!.Value,
            OrganisationCode = isNational ? Vocabulary.EnglandCode : code,
            OrganisationName = isNational ? Vocabulary.EnglandName : name,
            AllianceReference = level is OrganisationLevel.Ccg or OrganisationLevel.Trust ? alliance : null,
            QuestionNumber = number!.Value,
            QuestionText = text,
            Section = item!.Section,
            Scoring = item.Scoring,
            TumourGroupId = tumour!.Value,
            Breakdown = gender!.Value.Breakdown.IsAllPatients ? quintile!.Value.Breakdown : gender.Value.Breakdown,
            Basis = basis!.Value,
            Respondents = respondents,
            Score = score,
            ScoreDecimals = scoreDecimals,
            CiLower = ciLower,
            CiUpper = ciUpper,
            ExpectedLower = expectedLower,
            ExpectedUpper = expectedUpper,
            Band = band,
            ChangeSincePrevious = changeLastYear,
            ChangeOverall = changeOverall,
            GroupDifferenceSignificant = groupTest,

            // The combined files mark suppression by leaving the score empty.
            Suppression = score is null ? Suppression.Source : Suppression.None,
        };
    }

    /// <summary>
    /// The combined files were written by a program that prints floating-point numbers: it drops trailing zeros (the
    /// published 8.80 is written 8.8) and adds binary noise (56.00000000000001). The survey published percentages as
    /// whole numbers and the 0-10 rating to two decimals, so a score has those places, or more where the figure itself
    /// has more once the noise is rounded away.
    /// </summary>
    private static int PublishedDecimals(double score, Scoring? scoring)
    {
        var published = scoring == Scoring.MeanOutOfTen ? 2 : 0;
        return Math.Max(published, Format.PlacesOf(score));
    }

    private static string? OptionalText(FieldReader field, string column)
    {
        if (!field.HasColumn(column))
        {
            return null;
        }

        var value = field.Text(column);
        return value.Length == 0 ? null : value;
    }
}

/// <summary>
/// This dashboard's own layout: what its downloads write and its importer reads back, one result a row, documented
/// in docs/data-format.md.
/// </summary>
internal sealed class TidyLayout : IFileLayout
{
    /// <summary>The 25 columns every tidy file has (<see cref="TidyColumns.All"/> defines them).</summary>
    public static readonly IReadOnlyList<string> Columns = TidyColumns.All.Where(c => c.Required).Select(c => c.Name).ToList();

    public static readonly IReadOnlyList<string> IcbColumns = [TidyColumns.IcbCode, TidyColumns.IcbName];

    public static readonly IReadOnlyList<string> RegionColumns = [TidyColumns.RegionCode, TidyColumns.RegionName];

    private static readonly IReadOnlyDictionary<string, OrganisationLevel> Levels = Vocabulary.Reverse(Vocabulary.LevelWords);
    private static readonly IReadOnlyDictionary<string, Scoring> Scorings = Vocabulary.Reverse(Vocabulary.ScoringWords);
    private static readonly IReadOnlyDictionary<string, ResultBasis> Bases = Vocabulary.Reverse(Vocabulary.BasisWords);
    private static readonly IReadOnlyDictionary<string, Band> Bands = Vocabulary.Reverse(Vocabulary.BandWords);
    private static readonly IReadOnlyDictionary<string, ChangeDirection> Changes = Vocabulary.Reverse(Vocabulary.ChangeWords);
    private static readonly IReadOnlyDictionary<string, Suppression> Suppressions = Vocabulary.Reverse(Vocabulary.SuppressionWords);

    private static readonly IReadOnlyDictionary<string, bool> GroupTests =
        new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase) { ["significant"] = true, ["not-significant"] = false };

    public string Name => "tidy";
    public bool QuotesText => true;
    public IReadOnlyList<string> RequiredColumns => Columns;
    /// <summary>Written only when some row needs it, so files of editions on their default questionnaire keep 25 columns.</summary>
    public const string SeriesColumn = TidyColumns.Series;

    /// <summary>
    /// The group a breakdown row's published test compared it with, for dimensions other than sex and deprivation (whose
    /// tests always compare men with women and IMD 1 with 5): written only when some row has one.
    /// </summary>
    public const string ComparedWithColumn = TidyColumns.ComparedWith;

    /// <summary>
    /// A row that fills <c>answer</c> is one answer option of its question (the long table of response frequencies):
    /// written only when some row is.
    /// </summary>
    public static readonly IReadOnlyList<string> AnswerColumns = [TidyColumns.Answer, TidyColumns.AnswerOrder, TidyColumns.AnswerPositive];

    private static readonly string[] NotForAnswers =
        ["ci_lower", "ci_upper", "expected_lower", "expected_upper", "band", "change_since_previous", "change_overall", "group_difference"];

    private static readonly IReadOnlyDictionary<string, bool> YesNo =
        new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase) { ["yes"] = true, ["no"] = false };

    public IReadOnlyList<string> OptionalColumns { get; } = TidyColumns.All.Where(c => !c.Required).Select(c => c.Name).ToList();

    public IReadOnlyDictionary<string, string> MeasureColumns { get; } =
        new[] { "score", "ci_lower", "ci_upper", "expected_lower", "expected_upper" }.ToDictionary(c => c, c => c);

    /// <summary>What an ICB parent is, and which levels may name one: an ICB is part of a region, not of another ICB.</summary>
    internal static readonly ParentKind Icb = new(
        IcbColumns[0], IcbColumns[1], [OrganisationLevel.Trust, OrganisationLevel.SubIcb],
        "an Integrated Care Board", "an NHS Trust or a sub-ICB location is");

    internal static readonly ParentKind Region = new(
        RegionColumns[0], RegionColumns[1],
        [OrganisationLevel.CancerAlliance, OrganisationLevel.Trust, OrganisationLevel.Icb, OrganisationLevel.SubIcb],
        "an NHS England region", "a Cancer Alliance, an NHS Trust, an ICB or a sub-ICB location is");

    public IReadOnlyDictionary<string, (Type Entity, string Property)> StoredText { get; } =
        new Dictionary<string, (Type Entity, string Property)>
        {
            ["organisation_code"] = (typeof(Organisation), nameof(Organisation.Code)),
            ["organisation_name"] = (typeof(OrganisationEdition), nameof(OrganisationEdition.Name)),
            ["alliance_code"] = (typeof(Organisation), nameof(Organisation.Code)),
            ["alliance_name"] = (typeof(OrganisationEdition), nameof(OrganisationEdition.Name)),
            ["icb_code"] = (typeof(Organisation), nameof(Organisation.Code)),
            ["icb_name"] = (typeof(OrganisationEdition), nameof(OrganisationEdition.Name)),
            ["region_code"] = (typeof(Organisation), nameof(Organisation.Code)),
            ["region_name"] = (typeof(OrganisationEdition), nameof(OrganisationEdition.Name)),
            ["question_text"] = (typeof(Question), nameof(Question.Text)),
            ["section"] = (typeof(Question), nameof(Question.Section)),
            ["tumour_group"] = (typeof(TumourGroup), nameof(TumourGroup.Name)),
            ["source_note"] = (typeof(SurveyResult), nameof(SurveyResult.SourceNote)),
            ["answer"] = (typeof(AnswerOption), nameof(AnswerOption.Label)),
        };

    public ImportRow? Read(FieldReader field)
    {
        var year = FileLayouts.ReadYear(field, "year");
        var level = field.Choice("level", Levels, required: true);
        var code = FileLayouts.ReadOrganisationCode(field, "organisation_code", required: true);
        var name = field.RequiredText("organisation_name");
        var alliance = FileLayouts.ReadOrganisationCode(field, "alliance_code", required: false);
        var allianceName = field.Text("alliance_name");
        var number = FileLayouts.ReadQuestionNumber(field, "question");
        var text = field.RequiredText("question_text");
        var section = field.RequiredText("section");
        var scoring = field.Choice("scoring", Scorings, required: true);
        var tumour = FileLayouts.ReadTumourGroup(field, "tumour_group");
        var breakdown = FileLayouts.ReadBreakdown(field, "breakdown", required: true);
        var basis = field.Choice("basis", Bases, required: true);
        var respondents = field.WholeNumber("respondents");
        var score = field.Number("score");
        var scoreDecimals = field.WrittenDecimals("score");
        var ciLower = field.Number("ci_lower");
        var ciUpper = field.Number("ci_upper");
        var expectedLower = field.Number("expected_lower");
        var expectedUpper = field.Number("expected_upper");
        var band = field.Choice("band", Bands, required: false);
        var changeSincePrevious = field.Choice("change_since_previous", Changes, required: false);
        var changeOverall = field.Choice("change_overall", Changes, required: false);
        var groupTest = field.Choice("group_difference", GroupTests, required: false);
        var suppressed = field.Choice("suppressed", Suppressions, required: false) ?? Suppression.None;
        var note = field.Text("source_note");
        var comparedWith = field.HasColumn(ComparedWithColumn) ? FileLayouts.ReadComparedWith(field, ComparedWithColumn, breakdown, groupTest) : null;
        var series = ReadSeries(field, SeriesColumn, field.HasColumn(SeriesColumn) ? field.Text(SeriesColumn) : string.Empty);
        var (icb, icbName) = ReadParent(field, Icb, level, Optional(field, Icb.CodeColumn), Optional(field, Icb.NameColumn), Icb.CodeColumn, Icb.NameColumn);
        var (region, regionName) = ReadParent(
            field, Region, level, Optional(field, Region.CodeColumn), Optional(field, Region.NameColumn), Region.CodeColumn, Region.NameColumn);

        var answer = ReadAnswer(field, scoring, basis);
        if (scoring == Scoring.None && answer is null)
        {
            CheckUnscored(field, score, basis);
        }
        else if (suppressed == Suppression.None && score is null)
        {
            field.Fail("score", answer is null
                ? "is empty but the row is not marked suppressed (few-respondents or source)"
                : "is empty for an answer: give the percentage of respondents choosing it, or mark the row suppressed");
        }

        if (groupTest is not null && comparedWith is null && breakdown is { IsAllPatients: false } b
            && b.Dimension is not (Breakdown.Sex or Breakdown.Deprivation))
        {
            field.Fail("group_difference", $"a test of a '{b.Dimension}' group must say in compared_with which group it was compared with");
        }

        // Without a count the disclosure rule cannot be checked, so such a figure needs the citation that published it
        // so (as a press release does); breakdowns by sex and deprivation are published without counts.
        if (suppressed == Suppression.None && score is not null && respondents is null && answer is null
            && breakdown is { IsAllPatients: true } && note.Length == 0)
        {
            field.Fail("respondents", "is empty for a published score: give the count, mark the row suppressed, "
                + "or cite in source_note the source that published the figure without one");
        }

        if (field.HasErrors)
        {
            return null;
        }

        return new ImportRow
        {
            Line = field.Line,
            Year = year!.Value,
            Level = level!.Value,
            OrganisationCode = code,
            OrganisationName = name,
            AllianceReference = alliance.Length == 0 ? null : alliance,
            AllianceName = allianceName.Length == 0 ? null : allianceName,
            IcbCode = icb,
            IcbName = icbName,
            RegionCode = region,
            RegionName = regionName,
            QuestionNumber = number!.Value,
            QuestionText = text,
            Section = section,
            Scoring = scoring!.Value,
            TumourGroupId = tumour!.Value,
            Breakdown = breakdown!,
            Basis = basis!.Value,
            Respondents = respondents,
            Score = score,

            // This dashboard's downloads write each score with the places it was published to, trailing zeros kept.
            ScoreDecimals = score is null ? null : scoreDecimals,
            CiLower = ciLower,
            CiUpper = ciUpper,
            ExpectedLower = expectedLower,
            ExpectedUpper = expectedUpper,
            Band = band,
            ChangeSincePrevious = changeSincePrevious,
            ChangeOverall = changeOverall,
            GroupDifferenceSignificant = groupTest,
            ComparedWith = comparedWith,
            Suppression = suppressed,
            SourceNote = note.Length == 0 ? null : note,
            SeriesCode = series.Length == 0 ? null : series,
            Answer = answer,
        };
    }

    /// <summary>
    /// The row's answer option, when it fills <c>answer</c>: an order from 1, and whether it counts as positive (never,
    /// for a question without a score). An answer is a raw count, so it is on the unadjusted basis and carries no
    /// interval, range, band or test.
    /// </summary>
    private static AnswerRow? ReadAnswer(FieldReader field, Scoring? scoring, ResultBasis? basis)
    {
        var label = Optional(field, AnswerColumns[0]);
        if (label.Length == 0)
        {
            foreach (var column in AnswerColumns.Skip(1).Where(c => Optional(field, c).Length > 0))
            {
                field.Fail(column, "is filled but answer is empty: name the answer option, or leave both empty for a result");
            }

            return null;
        }

        var order = field.HasColumn(AnswerColumns[1]) ? field.WholeNumber(AnswerColumns[1]) : null;
        if (order is null or < 1)
        {
            field.Fail(AnswerColumns[1], "an answer needs its place in the questionnaire's list of options: a whole number from 1");
        }

        var positive = field.HasColumn(AnswerColumns[2]) && (field.Choice(AnswerColumns[2], YesNo, required: false) ?? false);
        if (positive && scoring == Scoring.None)
        {
            field.Fail(AnswerColumns[2], "is 'yes' but the question has no score, so no answer counts as positive");
        }

        if (basis is not null and not ResultBasis.Unadjusted)
        {
            field.Fail("basis", "an answer is a raw count of respondents, so its basis is 'unadjusted'");
        }

        foreach (var column in NotForAnswers.Where(c => field.Text(c).Length > 0))
        {
            field.Fail(column, "is filled for an answer: an answer row gives only its respondents, the percentage choosing it (score) and whether it is suppressed");
        }

        return order is >= 1 ? new AnswerRow(order.Value, label, positive) : null;
    }

    /// <summary>A question without a score gives its respondents and answers only: no score, on the unadjusted basis.</summary>
    private static void CheckUnscored(FieldReader field, double? score, ResultBasis? basis)
    {
        if (score is not null)
        {
            field.Fail("score", "is filled but the question's scoring is 'none': give its answers as rows with answer filled");
        }

        if (basis is not null and not ResultBasis.Unadjusted)
        {
            field.Fail("basis", "a question without a score has only raw counts of answers, so its basis is 'unadjusted'");
        }
    }

    private static string Optional(FieldReader field, string column) => field.HasColumn(column) ? field.Text(column) : string.Empty;

    /// <summary>A questionnaire series code, or empty; <paramref name="column"/> names the file's column in a message.</summary>
    internal static string ReadSeries(FieldReader field, string column, string series)
    {
        if (series.Length > 0 && !QuestionSeriesCodes.IsValid(series))
        {
            field.Fail(column, $"'{series}' is not a questionnaire series code: {QuestionSeriesCodes.Rule}");
        }

        return series;
    }

    /// <summary>
    /// A parent named by a code and a name (the tidy layout's optional pair of columns, or those a saved layout maps):
    /// the code when the row fills it, with its name if given. A name without a code, a code that is not one, or a
    /// parent the row's level cannot have, is an error on the file's own column.
    /// </summary>
    internal static (string? Code, string? Name) ReadParent(
        FieldReader field, ParentKind kind, OrganisationLevel? level, string code, string name, string codeColumn, string nameColumn)
    {
        if (code.Length == 0)
        {
            if (name.Length > 0)
            {
                field.Fail(nameColumn, $"names '{name}' but {codeColumn} is empty: give its code too");
            }

            return (null, null);
        }

        FileLayouts.CheckOrganisationCode(field, codeColumn, code);
        if (level is { } own && !kind.Allowed.Contains(own))
        {
            field.Fail(codeColumn, $"a '{Vocabulary.LevelWords[own]}' is not part of {kind.Words}: only {kind.AllowedWords}");
        }

        return (code, name.Length == 0 ? null : name);
    }
}

/// <summary>An ICB or a region as a parent: the tidy layout's columns for it, and which levels may name one.</summary>
internal sealed record ParentKind(string CodeColumn, string NameColumn, OrganisationLevel[] Allowed, string Words, string AllowedWords);

/// <summary>A Gender or IMD value of the combined layout, boxed so the field reader's closed choices can hold it.</summary>
internal readonly record struct GenderOrQuintile(Breakdown Breakdown);
