using System.Globalization;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Import;
using LutonCancerSurvey.Core.Queries;

namespace LutonCancerSurvey.Web.Presentation;

/// <summary>The year, tumour group and basis a results view shows: from the query string, checked against what exists.</summary>
public sealed record ResultsFilter(int Year, int EditionId, int TumourGroupId, ResultBasis Basis)
{
    public static string TumourSlug(int tumourGroupId) =>
        TumourGroups.NameOf(tumourGroupId).ToLowerInvariant().Replace(' ', '-');

    public static int? TumourFromSlug(string slug) =>
        TumourGroups.All.FirstOrDefault(t => string.Equals(TumourSlug(t.Id), slug, StringComparison.OrdinalIgnoreCase))?.Id;

    public static string BasisSlug(ResultBasis basis) => Vocabulary.BasisWords[basis];

    public static ResultBasis? BasisFromSlug(string slug) =>
        Vocabulary.Reverse(Vocabulary.BasisWords).TryGetValue(slug, out var basis) ? basis : null;

    /// <summary>
    /// Resolves the filter, defaulting to the latest year, All Cancers and the fairest basis on offer (adjusted).
    /// Returns an error for the user when a value is malformed (bad request) or names nothing published (not found).
    /// </summary>
    public static (ResultsFilter? Filter, FilterError? Error) Resolve(
        OrganisationHeader header, string? year, string? tumour, string? basis)
    {
        ArgumentNullException.ThrowIfNull(header);
        var name = header.Organisation.Name;
        if (header.Years.Count == 0)
        {
            return (null, new FilterError(404, $"There are no published results for {name} yet."));
        }

        var (resolvedYear, yearError) = ResolveYear(year, header.Years, name);
        if (resolvedYear is not { } chosenYear)
        {
            return (null, yearError);
        }

        var tumourGroupId = TumourGroups.AllCancersId;
        if (!string.IsNullOrWhiteSpace(tumour))
        {
            if (TumourFromSlug(tumour) is not { } found)
            {
                return (null, new FilterError(400, $"'{tumour}' is not a tumour group.", FilterField.TumourGroup));
            }

            tumourGroupId = found;
        }

        if (!header.TumourGroupsIn(chosenYear).Contains(tumourGroupId))
        {
            return (null, new FilterError(404, $"There are no published {chosenYear} {TumourGroups.NameOf(tumourGroupId)} results for {name}.", FilterField.TumourGroup));
        }

        var bases = header.BasesIn(chosenYear, tumourGroupId);
        ResultBasis chosenBasis;
        if (string.IsNullOrWhiteSpace(basis))
        {
            chosenBasis = bases[0];
        }
        else if (BasisFromSlug(basis) is not { } parsed)
        {
            return (null, new FilterError(400, $"'{basis}' is not a basis: use adjusted, unadjusted or trend.", FilterField.Basis));
        }
        else if (!bases.Contains(parsed))
        {
            return (null, new FilterError(404, $"{name} has no {Display.Basis(parsed)} results for {chosenYear} {TumourGroups.NameOf(tumourGroupId)}.", FilterField.Basis));
        }
        else
        {
            chosenBasis = parsed;
        }

        return (new ResultsFilter(chosenYear, header.EditionIdOf(chosenYear)!.Value, tumourGroupId, chosenBasis), null);
    }

    /// <summary>
    /// The one reading of a year in a query string, for every page and the API: the latest of <paramref name="years"/>
    /// (newest first) when none is asked for; an error when the text is not a year (bad request) or no edition of that
    /// year is published, for <paramref name="whose"/> results when named (not found).
    /// </summary>
    public static (int? Year, FilterError? Error) ResolveYear(string? text, IReadOnlyList<int> years, string? whose = null)
    {
        ArgumentNullException.ThrowIfNull(years);
        var choices = string.Join(", ", years.Select(y => y.ToString(CultureInfo.InvariantCulture)));
        if (string.IsNullOrWhiteSpace(text))
        {
            return (years.Count > 0 ? years[0] : null, null);
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return (null, new FilterError(400, $"The year '{text}' is not a year. Choose one of {choices}.", FilterField.Year));
        }

        return years.Contains(year)
            ? (year, null)
            : (null, new FilterError(404, $"There are no published {year} results{(whose is null ? "" : " for " + whose)}. Choose one of {choices}.", FilterField.Year));
    }
}

/// <summary>Why a filter could not be resolved, and which of its values was at fault (none when nothing is published).</summary>
public sealed record FilterError(int StatusCode, string Message, FilterField? Field = null);

public enum FilterField
{
    Year,
    TumourGroup,
    Basis,
}
