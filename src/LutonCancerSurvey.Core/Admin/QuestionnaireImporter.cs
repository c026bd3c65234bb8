using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Formatting;
using LutonCancerSurvey.Core.Import;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Admin;

/// <summary>What a questionnaire or crosswalk file changed, or why it changed nothing.</summary>
public sealed record QuestionnaireOutcome(IReadOnlyList<ImportError> Errors, string? Summary)
{
    public bool Succeeded => Errors.Count == 0 && Summary is not null;
}

/// <summary>
/// Reads the two small files with which an administrator states questionnaires (docs/data-format.md): a questionnaire
/// (which series an edition uses, and each scored question's wording, section and scoring) and a crosswalk (which
/// questions of two series ask the same). Each file is one transaction: any error, named by line and column, writes
/// nothing. Every change is audited and makes every instance drop the pages it cached.
/// </summary>
public sealed class QuestionnaireImporter(SurveyDbContext db, AuditLog audit)
{
    /// <summary>Far more than any questionnaire or crosswalk needs (a few hundred lines).</summary>
    public const int MaxBytes = 1024 * 1024;

    public static readonly IReadOnlyList<string> QuestionnaireColumns =
        ["year", "series", "series_name", "question", "question_text", "section", "scoring"];

    public static readonly IReadOnlyList<string> CrosswalkColumns = ["from_series", "from_question", "to_series", "to_question"];

    private static readonly IReadOnlyDictionary<string, Scoring> Scorings = Vocabulary.Reverse(Vocabulary.ScoringWords);

    public async Task<QuestionnaireOutcome> ImportQuestionnaireAsync(Stream content, string actor, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        var rows = await ReadAsync(content, QuestionnaireColumns, errors, cancellationToken).ConfigureAwait(false);
        var items = new List<(int Line, int Year, string Series, string SeriesName, int Number, string Text, string Section, Scoring Scoring)>();
        foreach (var (line, field) in rows)
        {
            var year = int.TryParse(field["year"], NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100 ? y : (int?)null;
            Check(errors, line, "year", year is not null, $"'{field["year"]}' is not a survey year");
            Check(errors, line, "series", QuestionSeriesCodes.IsValid(field["series"]), $"'{field["series"]}' is not a series code: {QuestionSeriesCodes.Rule}");
            Check(errors, line, "series_name", field["series_name"].Length is > 0 and <= 200, "give the questionnaire's name, at most 200 characters");
            Check(errors, line, "question", Vocabulary.TryParseQuestion(field["question"], out var number), $"'{field["question"]}' is not a question number such as Q22");
            Check(errors, line, "question_text", field["question_text"].Length is > 0 and <= 400, "give the question's wording, at most 400 characters");
            Check(errors, line, "section", field["section"].Length is > 0 and <= 100, "give the question's section, at most 100 characters");
            Check(errors, line, "scoring", Scorings.TryGetValue(field["scoring"], out var scoring), $"'{field["scoring"]}' is not percent or mean");
            if (year is not null && errors.All(e => e.Line != line))
            {
                items.Add((line, year.Value, field["series"], field["series_name"], number, field["question_text"], field["section"], scoring));
            }
        }

        foreach (var twice in items.GroupBy(i => (i.Year, i.Number)).Where(g => g.Count() > 1))
        {
            errors.Add(new ImportError(twice.Skip(1).First().Line, "question", $"Q{twice.Key.Number} of {twice.Key.Year} is listed more than once"));
        }

        foreach (var mixed in items.GroupBy(i => i.Year).Where(g => g.Select(i => i.Series).Distinct(StringComparer.Ordinal).Count() > 1))
        {
            errors.Add(new ImportError(mixed.First().Line, "series", $"{mixed.Key} is given more than one series: an edition uses one questionnaire"));
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportError(1, null, "the file has a header but no questions"));
        }

        if (errors.Count > 0)
        {
            return new QuestionnaireOutcome(errors, null);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var series = await db.QuestionSeries.ToDictionaryAsync(s => s.Code, cancellationToken).ConfigureAwait(false);
        foreach (var named in items.GroupBy(i => i.Series))
        {
            if (!series.TryGetValue(named.Key, out var found))
            {
                found = new QuestionSeries { Code = named.Key, Name = named.First().SeriesName };
                db.QuestionSeries.Add(found);
                series[named.Key] = found;
            }

            found.Name = named.First().SeriesName;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var known = await db.QuestionnaireItems.ToDictionaryAsync(i => (i.SeriesId, i.Number), cancellationToken).ConfigureAwait(false);
        var editions = await db.Editions.IncludingDrafts().ToDictionaryAsync(e => e.Year, cancellationToken).ConfigureAwait(false);
        foreach (var edition in items.GroupBy(i => i.Year))
        {
            var target = series[edition.First().Series];
            if (editions.TryGetValue(edition.Key, out var existing) && existing.SeriesId != target.Id
                && await db.Results.IncludingDrafts().AnyAsync(r => r.EditionId == existing.Id, cancellationToken).ConfigureAwait(false))
            {
                errors.Add(new ImportError(edition.First().Line, "series", string.Create(CultureInfo.InvariantCulture,
                    $"the {edition.Key} edition already has results read with another questionnaire: it cannot change to '{target.Code}'")));
                continue;
            }

            if (existing is null)
            {
                existing = new SurveyEdition { Year = edition.Key, Status = EditionStatus.Draft };
                db.Editions.Add(existing);
                editions[edition.Key] = existing;
            }

            existing.Series = target;
        }

        if (errors.Count > 0)
        {
            return new QuestionnaireOutcome(errors, null);
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var questions = await db.Questions.Where(q => items.Select(i => i.Year).Contains(q.Edition!.Year))
            .ToDictionaryAsync(q => (q.EditionId, q.Number), cancellationToken).ConfigureAwait(false);
        foreach (var item in items)
        {
            var seriesId = series[item.Series].Id;
            if (!known.TryGetValue((seriesId, item.Number), out var entry))
            {
                entry = new QuestionnaireItem { SeriesId = seriesId, Number = item.Number, Section = item.Section };
                db.QuestionnaireItems.Add(entry);
                known[(seriesId, item.Number)] = entry;
            }

            entry.Section = item.Section;
            entry.Scoring = item.Scoring;

            var editionId = editions[item.Year].Id;
            if (!questions.TryGetValue((editionId, item.Number), out var question))
            {
                question = new Question { EditionId = editionId, Number = item.Number, Text = item.Text, Section = item.Section, Scoring = item.Scoring };
                db.Questions.Add(question);
            }
            else if (question.Scoring != item.Scoring)
            {
                errors.Add(new ImportError(item.Line, "scoring", $"Q{item.Number} of {item.Year} already has results scored as {Vocabulary.ScoringWords[question.Scoring]}"));
            }

            question.Text = item.Text;
            question.Section = item.Section;
        }

        if (errors.Count > 0)
        {
            return new QuestionnaireOutcome(errors, null);
        }

        var summary = string.Join("; ", items.GroupBy(i => (i.Year, i.Series))
            .Select(g => $"{g.Key.Year}: {Format.Count(g.Count(), "question", "questions")} of {g.Key.Series}"));
        audit.Add(actor, "questionnaire", summary);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await DataVersions.BumpAsync(db, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return new QuestionnaireOutcome([], summary);
    }

    public async Task<QuestionnaireOutcome> ImportCrosswalkAsync(Stream content, string actor, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        var rows = await ReadAsync(content, CrosswalkColumns, errors, cancellationToken).ConfigureAwait(false);
        var series = await db.QuestionSeries.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Id, cancellationToken).ConfigureAwait(false);
        var links = new List<QuestionLink>();
        foreach (var (line, field) in rows)
        {
            Check(errors, line, "from_series", series.ContainsKey(field["from_series"]), $"no questionnaire series is called '{field["from_series"]}'");
            Check(errors, line, "to_series", series.ContainsKey(field["to_series"]), $"no questionnaire series is called '{field["to_series"]}'");
            Check(errors, line, "from_question", Vocabulary.TryParseQuestion(field["from_question"], out var from), $"'{field["from_question"]}' is not a question number such as Q22");
            Check(errors, line, "to_question", Vocabulary.TryParseQuestion(field["to_question"], out var to), $"'{field["to_question"]}' is not a question number such as Q22");
            Check(errors, line, "to_series", field["from_series"] != field["to_series"], "a crosswalk matches questions of two different series");
            if (errors.All(e => e.Line != line))
            {
                links.Add(new QuestionLink { FromSeriesId = series[field["from_series"]], FromNumber = from, ToSeriesId = series[field["to_series"]], ToNumber = to });
            }
        }

        if (rows.Count == 0 && errors.Count == 0)
        {
            errors.Add(new ImportError(1, null, "the file has a header but no questions"));
        }

        if (errors.Count > 0)
        {
            return new QuestionnaireOutcome(errors, null);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var existing = (await db.QuestionLinks.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(l => (l.FromSeriesId, l.FromNumber, l.ToSeriesId, l.ToNumber)).ToHashSet();
        var added = links.DistinctBy(l => (l.FromSeriesId, l.FromNumber, l.ToSeriesId, l.ToNumber))
            .Where(l => !existing.Contains((l.FromSeriesId, l.FromNumber, l.ToSeriesId, l.ToNumber)))
            .ToList();
        db.QuestionLinks.AddRange(added);
        var summary = $"{Format.Count(added.Count, "question matched", "questions matched")} across questionnaires ({Format.Count(links.Count - added.Count)} already known)";
        audit.Add(actor, "crosswalk", summary);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await DataVersions.BumpAsync(db, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        db.ChangeTracker.Clear();
        return new QuestionnaireOutcome([], summary);
    }

    private static void Check(List<ImportError> errors, int line, string column, bool ok, string message)
    {
        if (!ok)
        {
            errors.Add(new ImportError(line, column, message));
        }
    }

    /// <summary>The file's rows as trimmed fields by column name, with their line; errors for a wrong header or size.</summary>
    private static async Task<List<(int Line, IReadOnlyDictionary<string, string> Field)>> ReadAsync(
        Stream content, IReadOnlyList<string> columns, List<ImportError> errors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var rows = new List<(int, IReadOnlyDictionary<string, string>)>();
        using var bounded = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (bounded.Length + read > MaxBytes)
            {
                errors.Add(new ImportError(0, null, $"the file is larger than {MaxBytes / 1024:N0} KiB, far more than a questionnaire or crosswalk needs"));
                return rows;
            }

            bounded.Write(buffer, 0, read);
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bounded.GetBuffer(), 0, (int)bounded.Length).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            errors.Add(new ImportError(0, null, "the file is not UTF-8 text: save it as UTF-8 CSV and upload it again"));
            return rows;
        }

        using var reader = new StringReader(text);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null });
        if (!await csv.ReadAsync().ConfigureAwait(false))
        {
            errors.Add(new ImportError(1, null, "the file is empty: no header row"));
            return rows;
        }

        var header = csv.Record!.Select(h => h.Trim()).ToList();
        foreach (var missing in columns.Where(c => !header.Contains(c, StringComparer.Ordinal)))
        {
            errors.Add(new ImportError(1, missing, "missing column"));
        }

        foreach (var unknown in header.Where(h => !columns.Contains(h, StringComparer.Ordinal)))
        {
            errors.Add(new ImportError(1, unknown, $"unknown column: the columns are {string.Join(", ", columns)}"));
        }

        if (errors.Count > 0)
        {
            return rows;
        }

        while (await csv.ReadAsync().ConfigureAwait(false))
        {
            var record = csv.Record!;
            if (record.Length != header.Count)
            {
                errors.Add(new ImportError(csv.RawRow, null, $"has {record.Length} fields but the header has {header.Count}"));
                continue;
            }

            rows.Add((csv.RawRow, header.Select((name, i) => (name, value: record[i].Trim()))
                .ToDictionary(c => c.name, c => c.value, StringComparer.Ordinal)));
        }

        return rows;
    }
}
