using System.ComponentModel;
using LutonCancerSurvey.Core.Domain;
using LutonCancerSurvey.Core.Queries;
using LutonCancerSurvey.Web.Presentation;
using LutonCancerSurvey.Web.Routing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LutonCancerSurvey.Web.Api;

/// <summary>
/// The read-only JSON API: the same published results the pages show, with the same defaults and the same
/// suppression, for other tools to use.
/// </summary>
public static class ResultsApi
{
    public const string Prefix = "/api/v1";
    private static readonly string[] Head = [HttpMethods.Head];

    public static IEndpointRouteBuilder MapResultsApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix);

        // A signed-in user's answers may hold embargoed figures: no browser, proxy or shared cache may keep them.
        api.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.User.Identity?.IsAuthenticated == true)
            {
                http.Response.Headers.CacheControl = "no-store";
            }

            if (HttpMethods.IsHead(http.Request.Method))
            {
                http.Response.Body = Stream.Null;
            }

            return await next(context);
        });

        api.MapGet("/organisations", ListOrganisationsAsync)
            .WithName("ListOrganisations")
            .WithTags("Organisations")
            .WithSummary("List the organisations with published results")
            .WithDescription(
                "England, the Cancer Alliances, CCGs and NHS Trusts that have results in an edition the caller may see, "
                + "England first, then by level and name. `q` (at most 100 characters) keeps those whose code is `q` or "
                + "whose name in any edition the caller may see (a former name too) contains it. `became` says what became of an "
                + "organisation that no longer reports (merged, renamed with a new code, abolished), step by step.")
            .ProducesProblem(StatusCodes.Status400BadRequest);

        api.MapGet("/organisations/{code}/results", ResultsAsync)
            .WithName("OrganisationResults")
            .WithTags("Results")
            .WithSummary("Every scored question for one organisation")
            .WithDescription(
                "The organisation's result on every scored question for one year, tumour group and basis, beside England's. "
                + "Defaults, as on the pages: the latest published year, All Cancers, and the case-mix adjusted basis where "
                + "there is one. `question` is the label the questionnaire prints, e.g. \"Q59\". A result based on "
                + Disclosure.FewerThanMinimum + ", or withheld by the published file, has every figure null and `suppressed` set to "
                + "`few-respondents` or `source`. `breakdown` picks the patients: `all` (default), `male`, `female`, or "
                + "`imd1` … `imd5` (deprivation quintile, 1 most deprived); results by sex and deprivation are published for "
                + "Cancer Alliances and England only, all cancers, unadjusted (the default basis with a breakdown), with the "
                + "survey's own test of the male-female and IMD 1-5 gaps in `groupDifference`. `embargo` is null for a published "
                + "edition and set for a draft one, which only signed-in commissioners see. Errors are RFC 7807 problem details: 400 names the malformed parameter "
                + "in `parameter`; 404 says what was not found.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);

        // HEAD answers as GET does (the filter above drops the body); the document describes each operation once.
        api.MapMethods("/organisations", Head, ListOrganisationsAsync).ExcludeFromDescription();
        api.MapMethods("/organisations/{code}/results", Head, ResultsAsync).ExcludeFromDescription();

        // An unknown API address answers in the API's error format rather than with the HTML error page.
        api.MapFallback(() => Problem(StatusCodes.Status404NotFound, "There is no such API endpoint.", parameter: null))
            .ExcludeFromDescription();

        return endpoints;
    }

    private static async Task<Results<Ok<IReadOnlyList<ApiOrganisation>>, ProblemHttpResult>> ListOrganisationsAsync(
        OrganisationFinderQuery finder,
        SuccessionsQuery successionsQuery,
        EditionsQuery editions,
        [FromQuery(Name = QueryNames.Search), Description("Optional search: an organisation code, or part of a name (e.g. 06P, Luton); at most 100 characters.")] string? q,
        CancellationToken cancellationToken)
    {
        if (q is { Length: > Pages.Organisations.IndexModel.MaxQueryLength })
        {
            return Problem(StatusCodes.Status400BadRequest,
                $"Parameter 'q': search for at most {Pages.Organisations.IndexModel.MaxQueryLength} characters.", "q");
        }

        var organisations = await finder.PublishedOrganisationsAsync(q, cancellationToken);
        var successions = await successionsQuery.SuccessionsAsync(cancellationToken);
        var embargoes = (await editions.VisibleEditionsAsync(cancellationToken))
            .Where(e => e.Embargo is not null)
            .ToDictionary(e => e.Year, e => new ApiEmbargo(true, e.Embargo!.Until));
        return TypedResults.Ok<IReadOnlyList<ApiOrganisation>>(organisations
            .Select(o => ToApi(o, successions.Became(o.Id)) with { Embargo = o.FactsYear is { } year ? embargoes.GetValueOrDefault(year) : null })
            .ToList());
    }

    private static async Task<Results<Ok<ApiResults>, ProblemHttpResult>> ResultsAsync(
        OrganisationHeaderQuery headers,
        ResultsQuery resultsQuery,
        InequalitiesQuery inequalities,
        EditionsQuery editions,
        AnswersQuery answersQuery,
        [Description("The organisation code, e.g. 06P (NHS Luton CCG), RC9 (a Trust), E92000001 (England).")] string code,
        [FromQuery(Name = QueryNames.Year), Description("The survey year, e.g. 2018. Default: the latest published year for the organisation.")] string? year,
        [FromQuery(Name = QueryNames.TumourGroup), Description("The tumour group slug: all-cancers (default), brain-and-cns, breast, colorectal, gynaecological, "
            + "haematological, head-and-neck, lung, prostate, sarcoma, skin, upper-gastro, urological, other.")] string? tumourGroup,
        [FromQuery(Name = QueryNames.Basis), Description("adjusted, unadjusted or trend. Default: adjusted where published (All Cancers), otherwise unadjusted; "
            + "unadjusted with a breakdown.")] string? basis,
        [FromQuery(Name = QueryNames.Breakdown), Description("Which patients: all (default), male, female, imd1, imd2, imd3, imd4, imd5 (deprivation quintile, "
            + "1 most deprived), or any other group as dimension:group, e.g. age:16-24 or ethnic-group:Asian (the tidy layout's words). "
            + "Published for Cancer Alliances and England only.")] string? breakdown,
        CancellationToken cancellationToken)
    {
        var group = Core.Domain.Breakdown.AllPatients;
        if (!string.IsNullOrWhiteSpace(breakdown))
        {
            if (InequalityDisplay.FromSlug(breakdown) is not { } parsed)
            {
                return Problem(
                    StatusCodes.Status400BadRequest,
                    $"Parameter 'breakdown': '{breakdown}' is not a breakdown. Use {Core.Domain.Breakdown.WordRule}.",
                    "breakdown");
            }

            group = parsed;
        }

        var header = OrganisationCodes.CouldName(code.Trim())
            ? await headers.HeaderAsync(code.Trim().ToUpperInvariant(), cancellationToken)
            : null;
        if (header is null)
        {
            return Problem(StatusCodes.Status404NotFound, $"There is no organisation with the code '{code}'.", parameter: "code");
        }

        var (filter, error) = ResultsFilter.Resolve(header, year, tumourGroup, basis);
        if (error is not null)
        {
            var parameter = error.Field switch
            {
                FilterField.Year => QueryNames.Year,
                FilterField.TumourGroup => QueryNames.TumourGroup,
                FilterField.Basis => QueryNames.Basis,
                _ => null,
            };
            var detail = error.StatusCode == StatusCodes.Status400BadRequest && parameter is not null
                ? $"Parameter '{parameter}': {error.Message}"
                : error.Message;
            if (error.Field == FilterField.TumourGroup && error.StatusCode == StatusCodes.Status400BadRequest)
            {
                detail += " Use one of " + string.Join(", ", TumourGroups.All.Select(t => ResultsFilter.TumourSlug(t.Id))) + ".";
            }

            return Problem(error.StatusCode, detail, parameter);
        }

        IReadOnlyList<ApiResult> results;
        IReadOnlyList<ApiUnscoredQuestion> unscored = [];
        if (group.IsAllPatients)
        {
            var all = await resultsQuery.ResultsAsync(header, filter!.EditionId, filter.TumourGroupId, filter.Basis, cancellationToken);
            var answers = (await answersQuery.ForEditionAsync(filter.EditionId, filter.TumourGroupId, [header.Organisation.Id], cancellationToken))
                .ToDictionary(a => a.Question.Number);
            results = all.Where(r => r.Organisation is not null)
                .Select(r => ToApi(r.Question, r.Organisation!, null, r.England) with
                {
                    Answers = answers.TryGetValue(r.Question.Number, out var a) ? ToApi(a) : null,
                })
                .ToList();
            unscored = answers.Values.Where(a => a.Question.Scoring == Scoring.None)
                .Select(a => new ApiUnscoredQuestion(
                    Display.Question(a.Question.Number), a.Question.Section, a.Question.Text, a.IsSuppressed ? null : a.Respondents,
                    ToApi(a.Withheld), ToApi(a)))
                .ToList();
        }
        else
        {
            // Results by sex and deprivation are published unadjusted only, so that is the basis a breakdown defaults to.
            if (string.IsNullOrWhiteSpace(basis))
            {
                filter = filter! with { Basis = ResultBasis.Unadjusted };
            }

            group = await inequalities.StoredBreakdownAsync(group, cancellationToken) ?? group;
            var groups = await inequalities.BreakdownResultsAsync(header, filter!.EditionId, filter.TumourGroupId, filter.Basis, group, cancellationToken);
            if (groups.Count == 0)
            {
                return Problem(
                    StatusCodes.Status404NotFound,
                    $"There are no published {filter.Year} {TumourGroups.NameOf(filter.TumourGroupId)} {Display.Basis(filter.Basis)} results "
                    + $"for the breakdown '{InequalityDisplay.Slug(group)}' for {header.Organisation.Name}. Results by group of patients are "
                    + "published for Cancer Alliances and England only, for all cancers, unadjusted.",
                    "breakdown");
            }

            results = groups.Where(r => r.Organisation is not null)
                .Select(r => ToApi(r.Question, r.Organisation!, r.GroupDifferenceSignificant, r.England) with
                {
                    ComparedWith = !r.Organisation!.IsSuppressed && r.GroupDifferenceSignificant is not null ? r.ComparedWith?.Word : null,
                })
                .ToList();
        }

        var embargo = header.EmbargoOf(filter.Year);
        var questionnaire = await editions.QuestionnaireOfAsync(filter.EditionId, cancellationToken);
        return TypedResults.Ok(new ApiResults(
            ToApi(header.In(filter.Year).Organisation, header.Became),
            filter.Year,
            ResultsFilter.TumourSlug(filter.TumourGroupId),
            ToApi(filter.Basis),
            InequalityDisplay.Slug(group),
            results,
            embargo is null ? null : new ApiEmbargo(true, embargo.Until),
            new ApiQuestionnaire(questionnaire.Code, questionnaire.Name, questionnaire.FirstYear, questionnaire.LastYear))
        {
            Unscored = unscored,
        });
    }

    private static ProblemHttpResult Problem(int statusCode, string detail, string? parameter) =>
        TypedResults.Problem(
            detail: detail,
            statusCode: statusCode,
            title: statusCode == StatusCodes.Status404NotFound ? "Not found" : "Invalid parameter",
            extensions: parameter is null ? null : new Dictionary<string, object?> { ["parameter"] = parameter });

    private static ApiOrganisation ToApi(OrganisationSummary organisation, IReadOnlyList<SuccessionStep> became) => new(
        organisation.Code,
        organisation.Name,
        organisation.Level switch
        {
            OrganisationLevel.National => ApiLevel.National,
            OrganisationLevel.CancerAlliance => ApiLevel.CancerAlliance,
            OrganisationLevel.Ccg => ApiLevel.Ccg,
            OrganisationLevel.Region => ApiLevel.Region,
            OrganisationLevel.Icb => ApiLevel.Icb,
            OrganisationLevel.SubIcb => ApiLevel.SubIcb,
            _ => ApiLevel.Trust,
        },
        organisation is { AllianceCode: { } allianceCode, AllianceName: { } allianceName }
            ? new ApiAlliance(allianceCode, allianceName)
            : null,
        organisation.Icb is { } icb ? new ApiAlliance(icb.Code, icb.Name) : null,
        organisation.Region is { } region ? new ApiAlliance(region.Code, region.Name) : null,
        became.Select(s => new ApiSuccession(
            s.Kind switch
            {
                SuccessionKind.Merged => ApiSuccessionKind.Merged,
                SuccessionKind.Renamed => ApiSuccessionKind.Renamed,
                _ => ApiSuccessionKind.Abolished,
            },
            s.FromYear,
            s.Successor?.Code,
            s.Successor?.Name)).ToList());

    /// <summary>A result as the API shows it: a suppressed one carries no figure at all, whatever was stored.</summary>
    private static ApiResult ToApi(QuestionInfo question, Figure figure, bool? groupDifference, Figure? england)
    {
        var shown = !figure.IsSuppressed;
        return new ApiResult(
            Display.Question(question.Number),
            question.Section,
            question.Text,
            question.Scoring == Scoring.MeanOutOfTen ? ApiScoring.Mean : ApiScoring.Percent,
            shown ? figure.Respondents : null,
            shown ? figure.Score : null,
            shown && figure.Score is not null ? Display.Score(figure, question.Scoring) : null,
            shown ? figure.CiLower : null,
            shown ? figure.CiUpper : null,
            shown ? figure.ExpectedLower : null,
            shown ? figure.ExpectedUpper : null,
            shown ? ToApi(figure.Band) : null,
            shown ? ToApi(figure.ChangeSincePrevious) : null,
            shown && groupDifference is { } significant ? (significant ? ApiGroupDifference.Significant : ApiGroupDifference.NotSignificant) : null,
            england is null ? null : ToNational(england, question.Scoring),
            ToApi(figure.Suppression),
            ToApi(figure.Source));
    }

    private static List<ApiAnswer> ToApi(AnswerSetView answers) =>
        answers.Options
            .Select(o => o.IsSuppressed
                ? new ApiAnswer(o.Order, o.Label, o.CountsAsPositive, null, null, null,
                    ToApi(o.Withheld))
                : new ApiAnswer(o.Order, o.Label, o.CountsAsPositive, o.Respondents, o.Percent,
                    Core.Formatting.Format.Score(o.Percent!.Value, o.PercentDecimals, Scoring.PercentPositive), null))
            .ToList();

    private static ApiNationalFigure ToNational(Figure england, Scoring scoring)
    {
        var shown = !england.IsSuppressed;
        return new ApiNationalFigure(
            ToApi(england.Basis),
            shown ? england.Respondents : null,
            shown ? england.Score : null,
            shown && england.Score is not null ? Display.Score(england, scoring) : null,
            shown ? england.CiLower : null,
            shown ? england.CiUpper : null,
            ToApi(england.Suppression),
            ToApi(england.Source));
    }

    private static ApiSource ToApi(SourceInfo source) => new(source.FileName, source.ImportedAt, source.Row, source.Note);

    private static ApiBasis ToApi(ResultBasis basis) => basis switch
    {
        ResultBasis.Adjusted => ApiBasis.Adjusted,
        ResultBasis.Unadjusted => ApiBasis.Unadjusted,
        _ => ApiBasis.Trend,
    };

    private static ApiBand? ToApi(Band? band) => band switch
    {
        Band.Above => ApiBand.Above,
        Band.Within => ApiBand.Within,
        Band.Below => ApiBand.Below,
        _ => null,
    };

    private static ApiChange? ToApi(ChangeDirection? change) => change switch
    {
        ChangeDirection.Up => ApiChange.Up,
        ChangeDirection.Down => ApiChange.Down,
        ChangeDirection.Unchanged => ApiChange.Unchanged,
        _ => null,
    };

    private static ApiSuppression? ToApi(Suppression suppression) => suppression switch
    {
        Suppression.FewRespondents => ApiSuppression.FewRespondents,
        Suppression.Source => ApiSuppression.Source,
        _ => null,
    };
}
