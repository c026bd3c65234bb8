using System.Text;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Export;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Queries;
using Microsoft.AspNetCore.Mvc;

namespace LutonCancerSurvey.Web.Presentation;

/// <summary>Turns what a results view shows into tidy-layout rows: the organisation's figures, then England's beside them.</summary>
public static class ResultsExport
{
    private static readonly OrganisationSummary England =
        new(0, Core.Import.Vocabulary.EnglandCode, Core.Import.Vocabulary.EnglandName, OrganisationLevel.National, null, null, null);

    public static IReadOnlyList<TidyRow> Rows(
        OrganisationHeader header, ResultsFilter filter, IReadOnlyList<QuestionResult> results, IReadOnlyList<AnswerSetView>? answers = null)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(results);
        var tumour = TumourGroups.NameOf(filter.TumourGroupId);
        var answered = (answers ?? []).ToLookup(a => (a.OrganisationId, a.Question.Number));
        var series = results.Select(r => r.Question.SeriesCode).FirstOrDefault();

        // Each result is followed by its answers (the long table), so a reader sees a score beside the answers it sums.
        IEnumerable<TidyRow> WithAnswers(int organisationId, TidyRow row) =>
            [row, .. answered[(organisationId, row.QuestionNumber)].SelectMany(a => AnswerRows(row, a))];

        var englandId = header.EnglandId ?? -1;
        var england = England with { Id = englandId };
        var scored =
            results.Where(r => r.Organisation is not null)
                .SelectMany(r => WithAnswers(header.Organisation.Id, Row(header.Organisation, filter.Year, tumour, r.Question, r.Organisation!)))
            .Concat(results.Where(r => r.England is not null)
                .Select(r => Row(england, filter.Year, tumour, r.Question, r.England!))
                // England's own page already wrote England's answers after its rows above.
                .SelectMany(row => englandId == header.Organisation.Id ? [row] : WithAnswers(englandId, row)));

        // Questions without a score have only their respondents and answers: a row of their own, on the raw basis.
        var unscored = (answers ?? [])
            .Where(a => a.Question.Scoring == Scoring.None)
            .OrderBy(a => a.OrganisationId == header.Organisation.Id ? 0 : 1)
            .ThenBy(a => a.Question.Number)
            .SelectMany(a =>
            {
                var organisation = a.OrganisationId == header.Organisation.Id ? header.Organisation : england;
                var question = a.Question with { SeriesCode = series };
                var row = new TidyRow(
                    filter.Year, organisation.Level, organisation.Code, organisation.Name, organisation.AllianceCode, organisation.AllianceName,
                    question.Number, question.Text, question.Section, question.Scoring, tumour, Breakdown.AllPatients, ResultBasis.Unadjusted,
                    a.Respondents, null, null, null, null, null, null, null, null, null, a.Withheld, null, null,
                    question.SeriesCode, organisation.Icb?.Code, organisation.Icb?.Name, organisation.Region?.Code, organisation.Region?.Name);
                return AnswerRows(row, a).Prepend(row);
            });
        return scored.Concat(unscored).ToList();
    }

    /// <summary>One row per option, keyed as its question's row, with the option's count and percentage in place of the result's figures.</summary>
    private static IEnumerable<TidyRow> AnswerRows(TidyRow question, AnswerSetView answers) =>
        answers.Options.Select(o => question with
        {
            Basis = ResultBasis.Unadjusted,
            Respondents = o.Respondents,
            Score = o.Percent,
            ScoreDecimals = o.PercentDecimals,
            CiLower = null,
            CiUpper = null,
            ExpectedLower = null,
            ExpectedUpper = null,
            Band = null,
            ChangeSincePrevious = null,
            ChangeOverall = null,
            GroupDifferenceSignificant = null,
            ComparedWith = null,
            Suppression = o.Withheld,
            SourceNote = null,
            Answer = new TidyAnswer(o.Order, o.Label, o.CountsAsPositive),
        });

    public static TidyRow Row(OrganisationSummary organisation, int year, string tumourGroup, QuestionInfo question, Figure figure)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(figure);
        return new TidyRow(
            year, organisation.Level, organisation.Code, organisation.Name, organisation.AllianceCode, organisation.AllianceName,
            question.Number, question.Text, question.Section, question.Scoring, tumourGroup, Breakdown.AllPatients, figure.Basis,
            figure.Respondents, figure.Score, figure.CiLower, figure.CiUpper, figure.ExpectedLower, figure.ExpectedUpper,
            figure.Band, figure.ChangeSincePrevious, figure.ChangeOverall, null, figure.Suppression, figure.Source.Note, figure.Decimals,
            question.SeriesCode, organisation.Icb?.Code, organisation.Icb?.Name, organisation.Region?.Code, organisation.Region?.Name);
    }

    /// <summary>
    /// The CSV file; draft figures open with a comment line stating the embargo (the importer skips comment lines)
    /// and carry it in the file name.
    /// </summary>
    public static async Task<IActionResult> CsvAsync(
        HttpResponse response, string fileName, IReadOnlyList<TidyRow> rows, Embargo? embargo, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        await using var buffer = new MemoryStream();
        await using (var writer = new StreamWriter(buffer, new UTF8Encoding(false), leaveOpen: true))
        {
            if (embargo is not null)
            {
                await writer.WriteLineAsync($"# EMBARGOED - not for publication until {Display.EmbargoUntil(embargo)}");
                fileName = "EMBARGOED-" + fileName;

                // Embargoed figures must not stay in a browser's or proxy's cache after the session that fetched them.
                response.Headers.CacheControl = "no-store";
            }

            await TidyCsvWriter.WriteAsync(writer, rows, cancellationToken);
        }

        return new FileContentResult(buffer.ToArray(), "text/csv; charset=utf-8") { FileDownloadName = fileName };
    }
}
