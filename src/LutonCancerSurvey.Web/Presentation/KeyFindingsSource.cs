using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Findings;
using LutonCancerSurvey.Core.Queries;

namespace LutonCancerSurvey.Web.Presentation;

/// <summary>
/// The key findings of one organisation and edition, as the overview, the results page and the briefing show them:
/// read, tested and written once per data version and kind of viewer (<see cref="HeldReads"/>), since they depend on
/// nothing else and writing them was a quarter of a signed-in results page.
/// </summary>
public sealed class KeyFindingsSource(KeyFindingsQuery query, FunnelQuery funnels, HeldReads held)
{
    public Task<KeyFindingsView> ForAsync(OrganisationHeader header, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(header);
        return held.GetOrReadAsync(
            new Key(header.Organisation.Id, year), () => WriteAsync(header, year, cancellationToken), view => view.Findings.Count, cancellationToken);
    }

    private async Task<KeyFindingsView> WriteAsync(OrganisationHeader header, int year, CancellationToken cancellationToken)
    {
        var input = await query.FindingsInputAsync(header, year, cancellationToken);
        if (input is { TumourGroups.Count: > 0, OverallRatingNumber: { } overall })
        {
            input = input with { OverallRatingSpread = await OverallRatingSpreadAsync(input.Level, year, overall, cancellationToken) };
        }

        return new KeyFindingsView(header.Organisation.Code, year, input.PreviousYear, FindingsWriter.Write(input));
    }

    /// <summary>
    /// The spread of answers to the overall rating among all patients of the organisation's kind: tumour-group ratings
    /// are published without intervals, and this is the nearest published evidence of how widely their answers spread.
    /// </summary>
    private async Task<PooledSpread?> OverallRatingSpreadAsync(OrganisationLevel level, int year, int overall, CancellationToken cancellationToken) =>
        await funnels.BaselineAsync(year, overall, level, TumourGroups.AllCancersId, ResultBasis.Unadjusted, cancellationToken)
            is { StandardDeviation: { } sd }
            ? new PooledSpread(
                sd,
                $"pooled over every {Display.Level(level)}'s published 95% confidence interval for the overall rating, all cancers, unadjusted, taking answers within a tumour group to spread as widely")
            : null;

    private sealed record Key(int OrganisationId, int Year);
}
