using System.Globalization;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Formatting;

namespace LutonCancerSurvey.Core.Import;

/// <summary>
/// A layout the product was told rather than built with: a saved <see cref="LayoutDefinition"/> read onto the tidy
/// layout's fields. Its rows pass the same checks as the tidy layout's (scales, intervals, disclosure control).
/// </summary>
internal sealed partial class MappedLayout : IFileLayout
{
    private static readonly IReadOnlyDictionary<string, OrganisationLevel> Levels = Vocabulary.Reverse(Vocabulary.LevelWords);
    private static readonly IReadOnlyDictionary<string, Scoring> Scorings = Vocabulary.Reverse(Vocabulary.ScoringWords);
    private static readonly IReadOnlyDictionary<string, ResultBasis> Bases = Vocabulary.Reverse(Vocabulary.BasisWords);
    private static readonly IReadOnlyDictionary<string, Band> Bands = Vocabulary.Reverse(Vocabulary.BandWords);
    private static readonly IReadOnlyDictionary<string, ChangeDirection> Changes = Vocabulary.Reverse(Vocabulary.ChangeWords);
    private static readonly IReadOnlyDictionary<string, Suppression> Suppressions = Vocabulary.Reverse(Vocabulary.SuppressionWords);

    private static readonly IReadOnlyDictionary<string, (Type Entity, string Property)> TextFields =
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
            ["source_note"] = (typeof(SurveyResult), nameof(SurveyResult.SourceNote)),
        };

    private static readonly string[] MeasureFields = ["score", "ci_lower", "ci_upper", "expected_lower", "expected_upper"];

    private readonly LayoutDefinition _definition;
    private readonly Dictionary<string, Dictionary<string, string>> _words = [];
    private readonly Dictionary<string, string> _markers;

    /// <summary>The questionnaires, for a file that leaves a question's section or scoring to its edition's questionnaire.</summary>
    private QuestionnaireCatalogue Questionnaires { get; set; } = QuestionnaireCatalogue.Empty;

    /// <summary>This layout, reading what a file leaves out from <paramref name="catalogue"/>.</summary>
    public MappedLayout With(QuestionnaireCatalogue catalogue)
    {
        var copy = (MappedLayout)MemberwiseClone();
        copy.Questionnaires = catalogue;
        return copy;
    }

    private MappedLayout(LayoutDefinition definition)
    {
        _definition = definition;
        foreach (var (field, words) in definition.Words)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (word, tidy) in words.Where(w => w.Value.Length > 0))
            {
                map.TryAdd(LayoutWords.Key(word), tidy);
            }

            _words[field] = map;
        }

        _markers = definition.SuppressionMarkers.ToDictionary(m => m.Key.Trim(), m => m.Value, StringComparer.OrdinalIgnoreCase);
        RequiredColumns = [.. definition.Columns.Values.Where(c => c.Length > 0).Distinct(StringComparer.Ordinal)];
        MeasureColumns = MeasureFields.ToDictionary(f => f, f => definition.Columns.GetValueOrDefault(f) ?? f);
        StoredText = TextFields
            .Where(t => definition.Columns.ContainsKey(t.Key))
            .GroupBy(t => definition.Columns[t.Key], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal);
    }

    public string Name => _definition.Name;

    public IReadOnlyList<string> RequiredColumns { get; }

    public IReadOnlyList<string> OptionalColumns { get; } = [];

    public IReadOnlyDictionary<string, string> MeasureColumns { get; }

    public IReadOnlyDictionary<string, (Type Entity, string Property)> StoredText { get; }

    public bool QuotesText => false;

    /// <summary>The layout for a file with this header, or null with the reasons reported against the header row.</summary>
    public static MappedLayout? Create(LayoutDefinition definition, IReadOnlyList<string> header, Action<ImportError> report)
    {
        ArgumentNullException.ThrowIfNull(definition);

        // The same header may come with other capitals or spacing (it is found again by a signature that ignores them):
        // each column is read under the name this file gives it.
        definition = definition with
        {
            Header = header,
            Columns = definition.Columns.ToDictionary(c => c.Key, c => ColumnIn(header, c.Value), StringComparer.Ordinal),
        };
        var problems = definition.Problems();
        foreach (var problem in problems)
        {
            report(new ImportError(1, null, $"the layout '{definition.Name}' does not fit this file: {problem}"));
        }

        var ok = problems.Count == 0;
        foreach (var duplicate in header.GroupBy(c => c, StringComparer.Ordinal).Where(g => g.Count() > 1 && definition.Columns.Values.Contains(g.Key, StringComparer.Ordinal)))
        {
            report(new ImportError(1, duplicate.Key, "column appears more than once"));
            ok = false;
        }

        return ok ? new MappedLayout(definition) : null;
    }

    private static string ColumnIn(IReadOnlyList<string> header, string column)
    {
        if (header.Contains(column, StringComparer.Ordinal))
        {
            return column;
        }

        var signature = LayoutDefinition.SignatureOf([column]);
        return header.FirstOrDefault(h => LayoutDefinition.SignatureOf([h]) == signature) ?? column;
    }

    public ImportRow? Read(FieldReader field)
    {
        var year = Year(field);
        var level = Level(field);
        var code = Code(field, "organisation_code", required: true, checkedCode: level != OrganisationLevel.National);
        var name = Required(field, "organisation_name");
        var alliance = Code(field, "alliance_code", required: false);
        var allianceName = Raw(field, "alliance_name");
        var series = TidyLayout.ReadSeries(field, ColumnOf(TidyLayout.SeriesColumn), Raw(field, TidyLayout.SeriesColumn));
        var (icb, icbName) = Parent(field, TidyLayout.Icb, level);
        var (region, regionName) = Parent(field, TidyLayout.Region, level);
        var number = QuestionNumber(field);
        var text = Required(field, "question_text");
        var section = Raw(field, "section");
        var scoring = Choice(field, "scoring", Scorings);
        var tumourName = Word(field, "tumour_group");
        // A file without a breakdown column is of all patients; an unknown word is reported by Choice.
        var breakdown = BreakdownOf(field) ?? Breakdown.AllPatients;
        var basis = Choice(field, "basis", Bases);
        if (basis is null && Raw(field, "basis").Length == 0)
        {
            field.Fail(ColumnOf("basis"), "is empty");
        }

        var (respondents, respondentsMarker, _) = Figure(field, "respondents");
        var (score, scoreMarker, scoreDecimals) = Figure(field, "score");
        var ciLower = Figure(field, "ci_lower").Value;
        var ciUpper = Figure(field, "ci_upper").Value;
        var expectedLower = Figure(field, "expected_lower").Value;
        var expectedUpper = Figure(field, "expected_upper").Value;
        var band = Choice(field, "band", Bands);
        var changeSincePrevious = Choice(field, "change_since_previous", Changes);
        var changeOverall = Choice(field, "change_overall", Changes);
        var groupTest = Choice(field, "group_difference", GroupTests);
        var suppressed = Choice(field, "suppressed", Suppressions) ?? Suppression.None;
        var note = Raw(field, "source_note");

        if (respondents is { } n && (n < 0 || n != Math.Floor(n) || n > int.MaxValue))
        {
            field.Fail(ColumnOf("respondents"), $"'{Raw(field, "respondents")}' is not a whole number of respondents");
        }

        // A marker in the count or the score is the publisher's suppression, whatever the other columns say.
        if (suppressed == Suppression.None && (scoreMarker ?? respondentsMarker) is { } marker)
        {
            suppressed = marker;
        }

        var tumour = TumourGroups.AllCancersId;
        if (tumourName is not null)
        {
            tumour = TumourGroups.FindId(tumourName) ?? 0;
            if (tumour == 0)
            {
                field.Fail(ColumnOf("tumour_group"), $"'{tumourName}' is not a known tumour group ({string.Join(", ", TumourGroups.All.Select(t => t.Name))})");
            }
        }

        if (year is not null && number is not null)
        {
            var item = Questionnaires.SeriesFor(year.Value, series.Length == 0 ? null : series) is { } questionnaire
                ? Questionnaires.Item(questionnaire.Id, number.Value)
                : null;
            if (section.Length == 0)
            {
                section = item?.Section ?? string.Empty;
                if (section.Length == 0)
                {
                    field.Fail(ColumnOf("section"), $"no section is known for Q{number} in {year}: map the section column, or give a fixed section");
                }
            }

            if (scoring is null && Raw(field, "scoring").Length == 0)
            {
                if (item is not null)
                {
                    scoring = item.Scoring;
                }
                else
                {
                    field.Fail(null, $"no questionnaire is known for {year}: map the scoring column, or give a fixed scoring (percent or mean)");
                }
            }
        }

        if (suppressed == Suppression.None && score is null)
        {
            field.Fail(ColumnOf("score"), "is empty but the row is not marked suppressed (add the file's marker to the layout)");
        }

        // As in the tidy layout: without a count the disclosure rule cannot be checked, so a shown figure needs one (or
        // the citation that published it without); breakdowns by sex and deprivation are published without counts.
        if (suppressed == Suppression.None && score is not null && respondents is null && breakdown == Breakdown.AllPatients && note.Length == 0)
        {
            field.Fail(ColumnOf("respondents"), "is empty for a published score: map the respondents column, or mark the row suppressed, "
                + "so that results under 21 respondents can be withheld");
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
            TumourGroupId = tumour,
            Breakdown = breakdown,
            Basis = basis!.Value,
            Respondents = respondents is { } count ? (int)count : null,
            Score = score,
            ScoreDecimals = score is null ? null : scoreDecimals,
            CiLower = ciLower,
            CiUpper = ciUpper,
            ExpectedLower = expectedLower,
            ExpectedUpper = expectedUpper,
            Band = band,
            ChangeSincePrevious = changeSincePrevious,
            ChangeOverall = changeOverall,
            GroupDifferenceSignificant = groupTest,
            Suppression = suppressed,
            SourceNote = note.Length == 0 ? null : note,
            SeriesCode = series.Length == 0 ? null : series,
        };
    }

    /// <summary>
    /// An organisation code as <see cref="OrganisationCodes"/> allows it; England's may be written as the file likes,
    /// as in the combined layout, since its code is never typed into an address.
    /// </summary>
    private string Code(FieldReader field, string tidyField, bool required, bool checkedCode = true)
    {
        var code = required ? Required(field, tidyField) : Raw(field, tidyField);
        if (checkedCode)
        {
            FileLayouts.CheckOrganisationCode(field, ColumnOf(tidyField), code);
        }

        return code;
    }

    private (string? Code, string? Name) Parent(FieldReader field, ParentKind kind, OrganisationLevel? level) =>
        TidyLayout.ReadParent(
            field, kind, level, Raw(field, kind.CodeColumn), Raw(field, kind.NameColumn), ColumnOf(kind.CodeColumn), ColumnOf(kind.NameColumn));

    private static readonly IReadOnlyDictionary<string, bool> GroupTests =
        new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase) { ["significant"] = true, ["not-significant"] = false };

    /// <summary>The file's column for a field, to name in a message; the field itself when it has a fixed value.</summary>
    private string ColumnOf(string tidyField) => _definition.Columns.GetValueOrDefault(tidyField) ?? tidyField;

    private string Raw(FieldReader field, string tidyField) =>
        _definition.Columns.TryGetValue(tidyField, out var column) && column.Length > 0
            ? field.Text(column)
            : _definition.Fixed.GetValueOrDefault(tidyField)?.Trim() ?? string.Empty;

    private string Required(FieldReader field, string tidyField)
    {
        var value = Raw(field, tidyField);
        if (value.Length == 0)
        {
            field.Fail(ColumnOf(tidyField), "is empty");
        }

        return value;
    }

    private int? Year(FieldReader field)
    {
        var text = Required(field, "year");
        if (text.Length == 0)
        {
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var year) || year != Math.Floor(year) || year is < 2000 or > 2100)
        {
            field.Fail(ColumnOf("year"), $"'{text}' is not a survey year");
            return null;
        }

        return (int)year;
    }

    private int? QuestionNumber(FieldReader field)
    {
        var text = Required(field, "question");
        if (text.Length == 0)
        {
            return null;
        }

        // Spreadsheets write a question number as 22 or 22.0.
        var digits = text.EndsWith(".0", StringComparison.Ordinal) ? text[..^2] : text;
        if (!Vocabulary.TryParseQuestion(digits, out var number))
        {
            field.Fail(ColumnOf("question"), $"'{text}' is not a question number such as Q22");
            return null;
        }

        return number;
    }

    private OrganisationLevel? Level(FieldReader field)
    {
        var raw = Raw(field, "level");
        var tidy = Word(field, "level");
        if (tidy is null)
        {
            if (raw.Length == 0)
            {
                field.Fail(ColumnOf("level"), "is empty");
            }

            return null;
        }

        return Levels[tidy];
    }

    private T? Choice<T>(FieldReader field, string tidyField, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var tidy = Word(field, tidyField);
        return tidy is not null && choices.TryGetValue(tidy, out var choice) ? choice : null;
    }

    /// <summary>
    /// The group a row is of: by the layout's own words (16-24 → age:16-24), by the words published files use for sex
    /// and deprivation, or as a tidy word itself. Null when empty or unknown (reported).
    /// </summary>
    private Breakdown? BreakdownOf(FieldReader field)
    {
        const string tidyField = "breakdown";
        var raw = Raw(field, tidyField);
        if (raw.Length == 0 || _markers.ContainsKey(raw))
        {
            return null;
        }

        var tidy = _words.TryGetValue(tidyField, out var words) && words.TryGetValue(LayoutWords.Key(raw), out var mapped)
            ? mapped
            : LayoutWords.Known(tidyField, raw) ?? raw;
        if (Breakdown.TryParse(tidy, out var breakdown))
        {
            return breakdown;
        }

        field.Fail(ColumnOf(tidyField), $"'{raw}' is not a word the layout knows for {tidyField}: add it to the layout's words as {Breakdown.WordRule}");
        return null;
    }

    /// <summary>
    /// The tidy word a field's value means: by the layout's own words first, then by the words published files are
    /// known to use, then as the tidy word itself. Null when empty or unknown (reported).
    /// </summary>
    private string? Word(FieldReader field, string tidyField)
    {
        var raw = Raw(field, tidyField);
        if (raw.Length == 0 || (tidyField != "suppressed" && _markers.ContainsKey(raw)))
        {
            return null;
        }

        var key = LayoutWords.Key(raw);
        var allowed = LayoutWords.TidyWords[tidyField];
        var tidy = _words.TryGetValue(tidyField, out var words) && words.TryGetValue(key, out var mapped)
            ? mapped
            : LayoutWords.Known(tidyField, raw) ?? allowed.FirstOrDefault(w => LayoutWords.Key(w) == key);
        if (tidy is not null && allowed.Contains(tidy, StringComparer.OrdinalIgnoreCase))
        {
            return allowed.First(w => string.Equals(w, tidy, StringComparison.OrdinalIgnoreCase));
        }

        field.Fail(ColumnOf(tidyField), $"'{raw}' is not a word the layout knows for {tidyField}: add it to the layout's words as one of {string.Join(", ", allowed)}");
        return null;
    }

    /// <summary>A figure as the file writes it (85, 85.0, 85%, 1,204), or the suppression its marker means.</summary>
    private (double? Value, Suppression? Marker, int? Decimals) Figure(FieldReader field, string tidyField)
    {
        var raw = Raw(field, tidyField);
        if (raw.Length == 0)
        {
            return (null, null, null);
        }

        var meaning = _markers.GetValueOrDefault(raw) ?? LayoutWords.SuppressionMarker(raw);
        if (meaning is not null)
        {
            return (null, meaning == "few-respondents" ? Suppression.FewRespondents : Suppression.Source, null);
        }

        var text = raw.EndsWith('%') ? raw[..^1].TrimEnd() : raw;
        if (text.Contains(',', StringComparison.Ordinal) && ThousandsSeparated().IsMatch(text))
        {
            text = text.Replace(",", string.Empty, StringComparison.Ordinal);
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || !double.IsFinite(number))
        {
            field.Fail(ColumnOf(tidyField), $"'{raw}' is not a number (nor a suppression marker the layout knows)");
            return (null, null, null);
        }

        var point = text.IndexOf('.', StringComparison.Ordinal);
        var written = point < 0 ? 0 : text.Length - point - 1;
        var rounded = Math.Round(number, FieldReader.MaximumDecimals);
        var decimals = text.AsSpan().IndexOfAny('e', 'E') < 0 && written <= FieldReader.MaximumDecimals ? written : Format.PlacesOf(rounded);
        return (rounded, null, decimals);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\d{1,3}(,\d{3})+(\.\d+)?$")]
    private static partial System.Text.RegularExpressions.Regex ThousandsSeparated();
}
