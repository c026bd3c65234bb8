namespace LutonCancerSurvey.Web.Routing;

/// <summary>
/// The query-string names the public pages and the API bind, and which of them each one reads: the pages bind and
/// link with these, and the output cache keys an answer on a page's list and nothing else, so a name added to a page
/// and to its list is cached apart without a second edit.
/// </summary>
public static class QueryNames
{
    public const string Year = "year";
    public const string Tumour = "tumour";
    public const string Basis = "basis";
    public const string Handler = "handler";

    /// <summary>Find an organisation: the search text, the level chosen and the comparison being built.</summary>
    public const string Search = "q";
    public const string Level = "level";
    public const string Compare = "compare";

    /// <summary>Compare: the organisations chosen and one more to add by name.</summary>
    public const string Codes = "codes";
    public const string Add = "add";

    /// <summary>The API spells the tumour group out, and alone picks patients by breakdown.</summary>
    public const string TumourGroup = "tumourGroup";
    public const string Breakdown = "breakdown";

    public static readonly IReadOnlyList<string> OrganisationPage = [Year, Tumour, Basis];
    public static readonly IReadOnlyList<string> FindOrganisation = [Search, Level, Compare];
    public static readonly IReadOnlyList<string> ComparePage = [Codes, Add, Year, Tumour];
    public static readonly IReadOnlyList<string> ApiOrganisations = [Search];
    public static readonly IReadOnlyList<string> ApiResults = [Year, TumourGroup, Basis, Breakdown];
}
