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

    public static IReadOnlyList<TidyRow> Rows(OrganisationHeader header, ResultsFilter filter, IReadOnlyList<QuestionResult> results)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentNullException.ThrowIfNull(results);
        var tumour = TumourGroups.NameOf(filter.TumourGroupId);
        var own = results.Where(r => r.Organisation is not null)
            .Select(r => Row(header.Organisation, filter.Year, tumour, r.Question, r.Organisation!));
        var england = results.Where(r => r.England is not null)
            .Select(r => Row(England, filter.Year, tumour, r.Question, r.England!));
        return own.Concat(england).ToList();
    }

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
