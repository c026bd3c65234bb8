using System.Text;
using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;
using LutonCancerSurvey.Core.Formatting;

namespace LutonCancerSurvey.Core.Import;

internal readonly record struct ResultKey(
    int EditionId, int OrganisationId, int QuestionId, int TumourGroupId, int BreakdownId, ResultBasis Basis);

/// <summary>
/// Editions, organisations, their facts per edition (name, Alliance) and questions met during one import: found or
/// created once each, so that rows are matched to ids without a query per row. A row's name and Alliance are written
/// to its own edition's facts only, so a draft that renames or moves an organisation leaves published editions as they were.
/// </summary>
internal sealed class ReferenceData
{
    private readonly SurveyDbContext _db;
    private readonly Dictionary<int, SurveyEdition> _editions;
    private readonly Dictionary<string, Organisation> _organisations;
    private readonly Dictionary<(int EditionId, Organisation Organisation), OrganisationEdition> _facts;
    private readonly Dictionary<(int EditionId, int Number), Question> _questions;
    private readonly Dictionary<int, Dictionary<ResultKey, long>> _existingResults = [];
    private readonly Dictionary<int, bool> _touchedEditions = [];
    private readonly Dictionary<(int EditionId, Organisation Organisation), string> _allianceReferences = [];
    private readonly Dictionary<(int EditionId, string Reference), string> _allianceNames = new(AllianceNameKeys.Instance);
    private readonly Dictionary<Question, Dictionary<string, int>> _wordings = [];
    private readonly Dictionary<string, QuestionSeries> _series;
    private readonly HashSet<(int SeriesId, int Number)> _items;
    private readonly Dictionary<(int EditionId, Organisation Organisation, OrganisationLevel ParentLevel), string> _parentReferences = [];
    private readonly Dictionary<(int EditionId, OrganisationLevel ParentLevel, string Code), string> _parentNames = [];
    private readonly Dictionary<Organisation, int> _newestYear = [];
    private readonly Dictionary<(string Dimension, string Group), BreakdownGroup> _breakdowns;

    private ReferenceData(
        SurveyDbContext db, List<SurveyEdition> editions, List<Organisation> organisations, List<OrganisationEdition> facts,
        List<Question> questions, List<QuestionSeries> series, List<QuestionnaireItem> items, List<BreakdownGroup> breakdowns)
    {
        _db = db;
        _breakdowns = breakdowns.ToDictionary(b => (b.Dimension, b.Group), BreakdownKeys.Instance);
        _series = series.ToDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);
        _items = items.Select(i => (i.SeriesId, i.Number)).ToHashSet();
        _editions = editions.ToDictionary(e => e.Year);
        _organisations = organisations.ToDictionary(o => o.Code, StringComparer.OrdinalIgnoreCase);
        var byId = organisations.ToDictionary(o => o.Id);
        _facts = facts.ToDictionary(f => (f.EditionId, byId[f.OrganisationId]));
        var years = editions.ToDictionary(e => e.Id, e => e.Year);
        foreach (var group in facts.GroupBy(f => f.OrganisationId))
        {
            _newestYear[byId[group.Key]] = group.Max(f => years[f.EditionId]);
        }
        _questions = questions.ToDictionary(q => (q.EditionId, q.Number));
    }

    public static async Task<ReferenceData> LoadAsync(SurveyDbContext db, CancellationToken cancellationToken) =>
        new(
            db,
            await db.Editions.IncludingDrafts().ToListAsync(cancellationToken).ConfigureAwait(false),
            await db.Organisations.ToListAsync(cancellationToken).ConfigureAwait(false),
            await db.OrganisationEditions.IncludingDrafts().ToListAsync(cancellationToken).ConfigureAwait(false),
            await db.Questions.ToListAsync(cancellationToken).ConfigureAwait(false),
            await db.QuestionSeries.ToListAsync(cancellationToken).ConfigureAwait(false),
            await db.QuestionnaireItems.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false),
            await db.Breakdowns.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>
    /// Adds the editions, organisations and questions that <paramref name="rows"/> meet for the first time, each from
    /// the first row that names it, and saves them together: rows need their ids, and one save per new organisation
    /// cost ~3 ms each, ~1 s over the real file.
    /// </summary>
    public async Task AddMissingAsync(IEnumerable<ImportRow> rows, CancellationToken cancellationToken)
    {
        var newEditions = false;
        foreach (var row in rows)
        {
            // Change detection is off while batches are read, so the series is saved and set by its id, explicitly.
            if (!_editions.TryGetValue(row.Year, out var edition))
            {
                var series = await SeriesForAsync(row, cancellationToken).ConfigureAwait(false);
                edition = new SurveyEdition { Year = row.Year, Status = EditionStatus.Draft, SeriesId = series.Id };
                _db.Editions.Add(edition);
                _editions[row.Year] = edition;
                newEditions = true;
            }
            else if (edition.SeriesId is null)
            {
                edition.SeriesId = (await SeriesForAsync(row, cancellationToken).ConfigureAwait(false)).Id;
                _db.Entry(edition).Property(e => e.SeriesId).IsModified = true;
                newEditions = true;
            }
        }

        if (newEditions)
        {
            // A new edition's questions need its id.
            await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        // A row's own group before the groups rows compare with, so a dimension's groups keep the file's order.
        var added = rows.Aggregate(false, (any, row) => AddBreakdown(row.Breakdown) | any);
        added = rows.Aggregate(added, (any, row) => (row.ComparedWith is { } other && AddBreakdown(other)) | any);
        foreach (var row in rows)
        {
            if (!_organisations.TryGetValue(row.OrganisationCode, out var organisation))
            {
                organisation = new Organisation { Code = row.OrganisationCode, Level = row.Level };
                _db.Organisations.Add(organisation);
                _organisations[organisation.Code] = organisation;
                added = true;
            }

            var editionId = _editions[row.Year].Id;
            if (!_facts.ContainsKey((editionId, organisation)))
            {
                AddFacts(editionId, organisation, row.OrganisationName, row.Level);
                added = true;
            }

            var seriesId = _editions[row.Year].SeriesId!.Value;
            if (_items.Add((seriesId, row.QuestionNumber)))
            {
                // A series met first in a file that words and places its questions (the tidy layout) gets its
                // questionnaire from it, so that later files of its editions may leave them out.
                _db.QuestionnaireItems.Add(new QuestionnaireItem
                {
                    SeriesId = seriesId,
                    Number = row.QuestionNumber,
                    Section = row.Section,
                    Scoring = row.Scoring,
                });
                added = true;
            }

            if (!_questions.ContainsKey((editionId, row.QuestionNumber)))
            {
                var question = new Question
                {
                    EditionId = editionId,
                    Number = row.QuestionNumber,
                    Text = row.QuestionText,
                    Section = row.Section,
                    Scoring = row.Scoring,
                };
                _db.Questions.Add(question);
                _questions[(editionId, question.Number)] = question;
                added = true;
            }
        }

        if (added)
        {
            await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stores a group met for the first time, after its dimension's other groups, so that a dimension's groups keep the
    /// order of the file that first brought them (age bands youngest first). Groups are matched ignoring case.
    /// </summary>
    private bool AddBreakdown(Breakdown breakdown)
    {
        if (breakdown.IsAllPatients || _breakdowns.ContainsKey((breakdown.Dimension, breakdown.Group)))
        {
            return false;
        }

        var group = new BreakdownGroup
        {
            Dimension = breakdown.Dimension,
            Group = breakdown.Group,
            Order = 1 + _breakdowns.Values.Where(b => b.Dimension == breakdown.Dimension).Select(b => b.Order).DefaultIfEmpty().Max(),
        };
        _db.Breakdowns.Add(group);
        _breakdowns[(group.Dimension, group.Group)] = group;
        return true;
    }

    /// <summary>The stored id of a group <see cref="AddMissingAsync"/> has seen; 0 for all patients.</summary>
    public int BreakdownId(Breakdown breakdown) =>
        breakdown.IsAllPatients ? Breakdown.AllPatientsId : _breakdowns[(breakdown.Dimension, breakdown.Group)].Id;

    /// <summary>
    /// The questionnaire a new edition uses: the one its row names, else the one that is the default for its year,
    /// else a series of its own, so that no trend crosses into it until an administrator says which questions match.
    /// </summary>
    private async Task<QuestionSeries> SeriesForAsync(ImportRow row, CancellationToken cancellationToken)
    {
        var code = row.SeriesCode ?? _series.Values.FirstOrDefault(s => s.IsDefaultFor(row.Year))?.Code ?? $"cpes-{row.Year}";
        if (!_series.TryGetValue(code, out var series))
        {
            series = new QuestionSeries
            {
                Code = code,
                Name = row.SeriesCode is null ? $"CPES questionnaire of {row.Year}" : $"Questionnaire {code}",
            };
            _db.QuestionSeries.Add(series);
            _series[code] = series;
            await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return series;
    }

    /// <summary>Matches a row to ids; <see cref="AddMissingAsync"/> must have seen the row first.</summary>
    public ResultKey? Resolve(ImportRow row, FieldReader field)
    {
        var edition = Edition(row.Year);
        if (row.SeriesCode is { } code
            && _series.Values.FirstOrDefault(s => s.Id == edition.SeriesId) is { } used
            && !string.Equals(used.Code, code, StringComparison.OrdinalIgnoreCase))
        {
            field.Fail("series", $"the {row.Year} edition uses the questionnaire '{used.Code}', not '{code}'");
            return null;
        }

        var organisation = Organisation(edition, row, field);
        var question = Question(edition, row, field);
        if (organisation is null || question is null)
        {
            return null;
        }

        if (row.AllianceReference is not null)
        {
            _allianceReferences[(edition.Id, organisation)] = row.AllianceReference;
            if (row.AllianceName is not null)
            {
                _allianceNames[(edition.Id, row.AllianceReference)] = row.AllianceName;
            }
        }

        if (!RecordParent(edition, organisation, OrganisationLevel.Icb, row.IcbCode, row.IcbName, "icb_code", field)
            || !RecordParent(edition, organisation, OrganisationLevel.Region, row.RegionCode, row.RegionName, "region_code", field))
        {
            return null;
        }

        return new ResultKey(edition.Id, organisation.Id, question.Id, row.TumourGroupId, BreakdownId(row.Breakdown), row.Basis);
    }

    /// <summary>
    /// Notes the ICB or region a row places its organisation in, for <see cref="LinkParentsAsync"/>. A code that this
    /// edition already has as another kind of organisation is an error; another edition's kind does not matter.
    /// </summary>
    private bool RecordParent(
        SurveyEdition edition, Organisation organisation, OrganisationLevel parentLevel, string? code, string? name, string column,
        FieldReader field)
    {
        if (code is null)
        {
            return true;
        }

        if (LevelIn(edition.Id, code) is { } known && known != parentLevel)
        {
            field.Fail(column, $"{code} is at level '{Vocabulary.LevelWords[known]}' in the {edition.Year} edition, not '{Vocabulary.LevelWords[parentLevel]}'");
            return false;
        }

        _parentReferences[(edition.Id, organisation, parentLevel)] = code;
        if (name is not null)
        {
            _parentNames[(edition.Id, parentLevel, code)] = name;
        }

        return true;
    }

    /// <summary>
    /// Places organisations in the ICB and region each row names, in that row's edition only, once every row is read
    /// (the ICB's own rows may come later). A parent the database does not have yet is created from the name the rows
    /// give it; one with neither is a warning, and its organisations stay without it. The tidy layout names parents by
    /// code, so there is no spelling to match, unlike the combined files' Alliances.
    /// </summary>
    public async Task<IReadOnlyList<string>> LinkParentsAsync(CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        if (_parentReferences.Count == 0)
        {
            return warnings;
        }

        foreach (var group in _parentReferences.GroupBy(r => (r.Key.EditionId, r.Key.ParentLevel, Code: r.Value)))
        {
            var (editionId, level, code) = group.Key;
            _parentNames.TryGetValue((editionId, level, code), out var name);
            var kind = level == OrganisationLevel.Icb ? "Integrated Care Board" : "NHS England region";
            if (!_organisations.TryGetValue(code, out var parent))
            {
                if (name is null)
                {
                    warnings.Add($"no {kind} has the code '{code}' and no row names it "
                        + $"({Format.Count(group.Count(), "organisation", "organisations")} left without one)");
                    continue;
                }

                parent = new Organisation { Code = code, Level = level };
                _db.Organisations.Add(parent);
                _organisations[code] = parent;
            }
            else if (_facts.TryGetValue((editionId, parent), out var parentFacts) && parentFacts.Level != level)
            {
                // Only when the code's own rows, later in the file, made it another kind of organisation.
                warnings.Add($"{code} is at level '{Vocabulary.LevelWords[parentFacts.Level]}', not '{Vocabulary.LevelWords[level]}' "
                    + $"({Format.Count(group.Count(), "organisation", "organisations")} left without one)");
                continue;
            }

            if (!_facts.ContainsKey((editionId, parent)))
            {
                AddFacts(editionId, parent, name ?? NewestName(parent) ?? code, level);
            }

            foreach (var ((_, organisation, _), _) in group)
            {
                var facts = _facts[(editionId, organisation)];
                if (level == OrganisationLevel.Icb)
                {
                    facts.Icb = parent;
                }
                else
                {
                    facts.Region = parent;
                }
            }
        }

        await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return warnings;
    }

    public ValueTask<long?> FindExistingAsync(ResultKey key, CancellationToken cancellationToken) =>
        _existingResults.TryGetValue(key.EditionId, out var existing)
            ? ValueTask.FromResult(existing.TryGetValue(key, out var id) ? id : (long?)null)
            : LoadExistingAsync(key, cancellationToken);

    private async ValueTask<long?> LoadExistingAsync(ResultKey key, CancellationToken cancellationToken)
    {
        // One query per edition the file touches, not one per row.
        var rows = await _db.Results.IncludingDrafts().AsNoTracking()
            .Where(r => r.EditionId == key.EditionId)
            .Select(r => new { r.Id, r.OrganisationId, r.QuestionId, r.TumourGroupId, r.BreakdownId, r.Basis })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var existing = rows.ToDictionary(
            r => new ResultKey(key.EditionId, r.OrganisationId, r.QuestionId, r.TumourGroupId, r.BreakdownId, r.Basis),
            r => r.Id);
        _existingResults[key.EditionId] = existing;
        return existing.TryGetValue(key, out var id) ? id : null;
    }

    /// <summary>
    /// Links CCGs and Trusts to their Cancer Alliance, in each edition's facts, once every row is read (Alliance rows may
    /// come last). The combined files name the Alliance, with spellings that differ from the Alliance rows' own names.
    /// An Alliance named by an edition gets facts in that edition too, so its name there never comes from another.
    /// </summary>
    public async Task<IReadOnlyList<string>> LinkAlliancesAsync(CancellationToken cancellationToken)
    {
        var warnings = new List<string>();
        if (_allianceReferences.Count == 0)
        {
            return warnings;
        }

        foreach (var group in _allianceReferences.GroupBy(r => (r.Key.EditionId, Reference: r.Value.ToUpperInvariant())))
        {
            var (editionId, _) = group.Key;
            var reference = group.First().Value;
            var alliance = FindAlliance(AllianceNames(editionId), reference);
            _allianceNames.TryGetValue((editionId, reference), out var allianceName);
            if (alliance is null && allianceName is not null)
            {
                alliance = new Organisation { Code = reference, Level = OrganisationLevel.CancerAlliance };
                _db.Organisations.Add(alliance);
                _organisations[alliance.Code] = alliance;
            }

            if (alliance is null)
            {
                warnings.Add($"no Cancer Alliance matches '{reference}' ({Format.Count(group.Count(), "organisation", "organisations")} left without an Alliance)");
                continue;
            }

            if (!_facts.ContainsKey((editionId, alliance)))
            {
                AddFacts(editionId, alliance, allianceName ?? NewestName(alliance) ?? reference, OrganisationLevel.CancerAlliance);
            }

            foreach (var ((_, organisation), _) in group)
            {
                _facts[(editionId, organisation)].Alliance = alliance;
            }
        }

        await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return warnings;
    }

    /// <summary>Every Alliance with each name it goes by: this edition's name first, then those other editions gave it.</summary>
    private List<(Organisation Alliance, string Name)> AllianceNames(int editionId) =>
        _facts
            .Where(f => f.Value.Level == OrganisationLevel.CancerAlliance)
            .OrderByDescending(f => f.Key.EditionId == editionId)
            .Select(f => (f.Key.Organisation, f.Value.Name))
            .Distinct()
            .ToList();

    private string? NewestName(Organisation organisation) =>
        _facts.Where(f => f.Key.Organisation == organisation)
            .OrderByDescending(f => _editions.Values.First(e => e.Id == f.Key.EditionId).Year)
            .Select(f => f.Value.Name)
            .FirstOrDefault();

    /// <summary>
    /// Adds an organisation's facts in one edition; its own level follows its newest edition's, which is what tells a
    /// region, ICB or Alliance from the organisations inside it before their facts exist.
    /// </summary>
    private void AddFacts(int editionId, Organisation organisation, string name, OrganisationLevel level)
    {
        var facts = new OrganisationEdition { EditionId = editionId, Organisation = organisation, Name = name, Level = level };
        _db.OrganisationEditions.Add(facts);
        _facts[(editionId, organisation)] = facts;
        var year = YearOf(editionId);
        if (!_newestYear.TryGetValue(organisation, out var newest) || year >= newest)
        {
            _newestYear[organisation] = year;
            organisation.Level = level;
        }
    }

    private int YearOf(int editionId) => _editions.Values.First(e => e.Id == editionId).Year;

    /// <summary>What kind of organisation the code is in this edition, when the edition has it.</summary>
    private OrganisationLevel? LevelIn(int editionId, string code) =>
        _organisations.TryGetValue(code, out var organisation) && _facts.TryGetValue((editionId, organisation), out var facts)
            ? facts.Level
            : null;

    internal static Organisation? FindAlliance(IReadOnlyList<(Organisation Alliance, string Name)> alliances, string reference)
    {
        var byCode = alliances.FirstOrDefault(a => string.Equals(a.Alliance.Code, reference, StringComparison.OrdinalIgnoreCase));
        if (byCode.Alliance is not null)
        {
            return byCode.Alliance;
        }

        var wanted = NormaliseAllianceName(reference);
        var exact = alliances.Where(a => NormaliseAllianceName(a.Name) == wanted).Select(a => a.Alliance).Distinct().ToList();
        if (exact.Count == 1)
        {
            return exact[0];
        }

        // e.g. "Somerset Wiltshire Avon & Gloucester" for "Somerset, Wiltshire, Avon and Gloucestershire"
        var prefixed = alliances.Where(a =>
        {
            var name = NormaliseAllianceName(a.Name);
            return name.StartsWith(wanted, StringComparison.Ordinal) || wanted.StartsWith(name, StringComparison.Ordinal);
        }).Select(a => a.Alliance).Distinct().ToList();
        return prefixed.Count == 1 ? prefixed[0] : null;
    }

    private static string NormaliseAllianceName(string name)
    {
        const string vanguard = "national cancer vanguard:";
        var lower = name.Trim().ToLowerInvariant();
        if (lower.StartsWith(vanguard, StringComparison.Ordinal))
        {
            lower = lower[vanguard.Length..];
        }

        var letters = new StringBuilder(lower.Length);
        foreach (var c in lower.Replace("&", "and", StringComparison.Ordinal))
        {
            if (char.IsLetter(c))
            {
                letters.Append(c);
            }
        }

        return letters.ToString();
    }

    public async Task<IReadOnlyList<EditionTouched>> FinishEditionsAsync(
        bool publish, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var touched = new List<EditionTouched>();
        foreach (var edition in _editions.Values.Where(e => _touchedEditions.ContainsKey(e.Id)).OrderBy(e => e.Year))
        {
            if (publish && edition.Status != EditionStatus.Published)
            {
                edition.Status = EditionStatus.Published;
                edition.PublishedAt = now;
            }

            touched.Add(new EditionTouched(edition.Year, edition.Status, _touchedEditions[edition.Id]));
        }

        await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return touched;
    }

    private SurveyEdition Edition(int year)
    {
        var edition = _editions[year];
        _touchedEditions.TryAdd(edition.Id, edition.Status == EditionStatus.Published);
        return edition;
    }

    private Organisation? Organisation(SurveyEdition edition, ImportRow row, FieldReader field)
    {
        var organisation = _organisations[row.OrganisationCode];
        var facts = _facts[(edition.Id, organisation)];
        if (facts.Level != row.Level)
        {
            field.Fail(null, $"organisation {row.OrganisationCode} is at level '{Vocabulary.LevelWords[facts.Level]}' in the {row.Year} edition, "
                + $"not '{Vocabulary.LevelWords[row.Level]}'");
            return null;
        }

        if (!string.Equals(facts.Name, row.OrganisationName, StringComparison.Ordinal))
        {
            facts.Name = row.OrganisationName;
        }

        return organisation;
    }

    private Question? Question(SurveyEdition edition, ImportRow row, FieldReader field)
    {
        var question = _questions[(edition.Id, row.QuestionNumber)];
        if (question.Scoring != row.Scoring)
        {
            field.Fail(null, $"Q{row.QuestionNumber} of {row.Year} is scored as {question.Scoring}, not {row.Scoring}");
            return null;
        }

        if (!_wordings.TryGetValue(question, out var wordings))
        {
            wordings = new Dictionary<string, int>(StringComparer.Ordinal);
            _wordings.Add(question, wordings);
        }

        wordings[row.QuestionText] = wordings.GetValueOrDefault(row.QuestionText) + 1;
        question.Section = row.Section;
        return question;
    }

    /// <summary>
    /// Gives each question the wording most of this file's rows give it (the first met among equals), never that of
    /// the last row read: one stray row of the real 2018 file words Q8 "told you bring a family member" where 6,956
    /// say "could bring". A question worded more than one way is reported.
    /// </summary>
    public IReadOnlyList<string> SettleWordings()
    {
        var warnings = new List<string>();
        foreach (var (question, wordings) in _wordings)
        {
            var ranked = wordings.Select((w, order) => (Text: w.Key, Rows: w.Value, Order: order))
                .OrderByDescending(w => w.Rows).ThenBy(w => w.Order).ToList();
            question.Text = ranked[0].Text;
            if (ranked.Count > 1)
            {
                var year = _editions.Values.First(e => e.Id == question.EditionId).Year;
                var others = string.Join("; ", ranked.Skip(1).Select(w => $"\"{w.Text}\" ({Format.Count(w.Rows, "row", "rows")})"));
                warnings.Add($"Q{question.Number} of {year} is worded {ranked.Count} ways in this file: \"{ranked[0].Text}\" "
                    + $"({Format.Count(ranked[0].Rows, "row", "rows")}) is kept, not {others}");
            }
        }

        return warnings;
    }
}

/// <summary>An edition and an Alliance reference, the reference compared as the files' spellings vary in case.</summary>
internal sealed class AllianceNameKeys : IEqualityComparer<(int EditionId, string Reference)>
{
    public static readonly AllianceNameKeys Instance = new();

    public bool Equals((int EditionId, string Reference) x, (int EditionId, string Reference) y) =>
        x.EditionId == y.EditionId && string.Equals(x.Reference, y.Reference, StringComparison.OrdinalIgnoreCase);

    public int GetHashCode((int EditionId, string Reference) obj) =>
        HashCode.Combine(obj.EditionId, StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Reference));
}

/// <summary>Breakdown groups are one group whatever the case a file writes them in.</summary>
internal sealed class BreakdownKeys : IEqualityComparer<(string Dimension, string Group)>
{
    public static readonly BreakdownKeys Instance = new();

    public bool Equals((string Dimension, string Group) x, (string Dimension, string Group) y) =>
        string.Equals(x.Dimension, y.Dimension, StringComparison.Ordinal) && string.Equals(x.Group, y.Group, StringComparison.OrdinalIgnoreCase);

    public int GetHashCode((string Dimension, string Group) obj) =>
        HashCode.Combine(obj.Dimension, StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Group));
}
