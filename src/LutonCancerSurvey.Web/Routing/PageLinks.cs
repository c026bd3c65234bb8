using System.Globalization;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Web.Presentation;

namespace LutonCancerSurvey.Web.Routing;

/// <summary>
/// Every link to a public page, made from the pages' own routes (their <c>@page</c> templates) and
/// <see cref="QueryNames"/>, so a route or a query name changes in one place. Query parameters come in the order
/// given; an empty one is left out.
/// </summary>
public sealed class PageLinks(LinkGenerator generator)
{
    public const string CsvHandler = "csv";

    /// <summary>Find an organisation, carrying the organisations of a comparison being built, if any.</summary>
    public string FindOrganisation(IEnumerable<string>? compare = null) =>
        Page("/Organisations/Index", null, (QueryNames.Compare, compare is null ? null : string.Join(",", compare)));

    /// <summary>An organisation's results; each part of the filter only when given.</summary>
    public string Results(string code, int? year = null, int? tumourGroupId = null, ResultBasis? basis = null, string? handler = null) =>
        Page("/Organisations/Results", new { code }, (QueryNames.Handler, handler), (QueryNames.Year, year),
            (QueryNames.Tumour, Tumour(tumourGroupId)), (QueryNames.Basis, Basis(basis)));

    /// <summary>An organisation's results with the year, tumour group and basis of <paramref name="filter"/>.</summary>
    public string Results(string code, ResultsFilter filter) =>
        Results(code, filter?.Year, filter?.TumourGroupId, filter?.Basis);

    public string Question(string code, int number, int? year = null, int? tumourGroupId = null, ResultBasis? basis = null) =>
        Page("/Organisations/Question", new { code, number }, (QueryNames.Year, year),
            (QueryNames.Tumour, Tumour(tumourGroupId)), (QueryNames.Basis, Basis(basis)));

    public string Question(string code, int number, ResultsFilter filter) =>
        Question(code, number, filter?.Year, filter?.TumourGroupId, filter?.Basis);

    /// <summary>
    /// A link to each question of one organisation under one filter, the same as
    /// <see cref="Question(string, int, ResultsFilter)"/> gives: the route is resolved once and each number put in its
    /// place, because a results page links each of its 50-odd questions twice and resolving a route is most of what
    /// rendering that page cost.
    /// </summary>
    public Func<int, string> Questions(string code, ResultsFilter filter)
    {
        // The number is the path's last segment; an organisation code may be digits too, so only that segment is taken.
        var template = Question(code, QuestionPlaceholder, filter);
        var pathEnd = template.IndexOfAny(['?', '#']);
        var path = pathEnd < 0 ? template : template[..pathEnd];
        if (!path.EndsWith(QuestionPlaceholderSegment, StringComparison.Ordinal))
        {
            return number => Question(code, number, filter);
        }

        var head = path[..(path.Length - QuestionPlaceholderSegment.Length + 1)];
        var tail = template[path.Length..];
        return number => string.Concat(head, number.ToString(CultureInfo.InvariantCulture), tail);
    }

    private const int QuestionPlaceholder = 987654321;
    private static readonly string QuestionPlaceholderSegment = "/" + QuestionPlaceholder.ToString(CultureInfo.InvariantCulture);

    public string Inequalities(string code, int? year = null, string? handler = null, string? fragment = null) =>
        Page("/Organisations/Inequalities", new { code }, fragment, (QueryNames.Handler, handler), (QueryNames.Year, year));

    public string Briefing(string code, int? year = null) =>
        Page("/Organisations/Briefing", new { code }, (QueryNames.Year, year));

    /// <summary>Compare these organisations; the tumour group only when it is not all cancers, the default.</summary>
    public string Compare(IEnumerable<string>? codes = null, int? year = null, int? tumourGroupId = null, string? handler = null) =>
        Page("/Compare/Index", null, (QueryNames.Handler, handler),
            (QueryNames.Codes, codes is null ? null : string.Join(",", codes)), (QueryNames.Year, year),
            (QueryNames.Tumour, tumourGroupId == TumourGroups.AllCancersId ? null : Tumour(tumourGroupId)));

    private static string? Tumour(int? tumourGroupId) =>
        tumourGroupId is { } id ? ResultsFilter.TumourSlug(id) : null;

    private static string? Basis(ResultBasis? basis) => basis is { } b ? ResultsFilter.BasisSlug(b) : null;

    private string Page(string page, object? route, params (string Name, object? Value)[] query) =>
        Page(page, route, null, query);

    private string Page(string page, object? route, string? fragment, params (string Name, object? Value)[] query)
    {
        // Query values are added after the route's own, in the order given, so every address reads as it always has.
        var values = new RouteValueDictionary(route);
        foreach (var (name, value) in query)
        {
            values[name] = value;
        }

        var handler = values.TryGetValue(QueryNames.Handler, out var asked) ? asked as string : null;
        return generator.GetPathByPage(page, handler, values,
                   fragment: fragment is null ? default : new FragmentString("#" + fragment))
            ?? throw new InvalidOperationException($"No address for the page {page} with {values.Count} values.");
    }
}
