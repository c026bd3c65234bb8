using System.Linq.Expressions;
using LutonCancerSurvey.Core.Data;
using LutonCancerSurvey.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Core.Queries;

/// <summary>One result as the pages read it: who, which question and year, and the figure with its source.</summary>
public sealed record ResultRow(int OrganisationId, int QuestionId, int Year, int TumourGroupId, QuestionInfo Question, Figure Figure);

/// <summary>The projections every query shares, so a result and an organisation read the same way on every page.</summary>
internal static class Projections
{
    private static readonly Expression<Func<SurveyResult, QuestionInfo>> QuestionOf = r =>
        new QuestionInfo(r.Question!.Number, r.Question.Text, r.Question.Section, r.Question.Scoring,
            r.Edition!.Series == null || (r.Edition.Series.FirstYear <= r.Edition.Year && r.Edition.Year <= r.Edition.Series.LastYear)
                ? null
                : r.Edition.Series.Code);

    private static readonly Expression<Func<SurveyResult, Figure>> FigureOf = r =>
        new Figure(
            r.Basis, r.Respondents, r.Score, r.CiLower, r.CiUpper, r.ExpectedLower, r.ExpectedUpper, r.Band,
            r.ChangeSincePrevious, r.ChangeOverall, r.Suppression,
            new SourceInfo(r.Import!.FileName, r.Import.ImportedAt, r.SourceRow, r.SourceNote)) { Decimals = r.ScoreDecimals };

    /// <summary>Results as <see cref="ResultRow"/>s, untracked: the question's wording and the import come in the same round trip.</summary>
    public static IQueryable<ResultRow> Rows(IQueryable<SurveyResult> results) =>
        Select(results, (r, question, figure) => new ResultRow(r.OrganisationId, r.QuestionId, r.Edition!.Year, r.TumourGroupId, question, figure));

    /// <summary>
    /// Results untracked in the shape <paramref name="shape"/> gives them, which is handed each result's question and
    /// figure as every page reads them, so that no query writes that projection again.
    /// </summary>
    public static IQueryable<T> Select<T>(
        IQueryable<SurveyResult> results, Expression<Func<SurveyResult, QuestionInfo, Figure, T>> shape)
    {
        var result = shape.Parameters[0];
        var body = new Inliner(shape.Parameters[1], Bind(QuestionOf, result), shape.Parameters[2], Bind(FigureOf, result)).Visit(shape.Body)!;
        return results.AsNoTracking().Select(Expression.Lambda<Func<SurveyResult, T>>(body, result));
    }

    private static Expression Bind<TValue>(Expression<Func<SurveyResult, TValue>> projection, ParameterExpression result) =>
        new Inliner(projection.Parameters[0], result, projection.Parameters[0], result).Visit(projection.Body)!;

    /// <summary>Puts an expression where a lambda's parameter stood.</summary>
    private sealed class Inliner(ParameterExpression first, Expression firstValue, ParameterExpression second, Expression secondValue)
        : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node == first ? firstValue : node == second ? secondValue : base.VisitParameter(node);
    }

    /// <summary>An organisation as one edition states it, with its Alliance, ICB and region named in that same edition.</summary>
    public static Expression<Func<OrganisationEdition, OrganisationSummary>> Summary(SurveyDbContext db) =>
        f => new OrganisationSummary(
            f.OrganisationId, f.Organisation!.Code, f.Name, f.Level, f.AllianceId,
            f.Alliance == null ? null : f.Alliance.Code,
            db.OrganisationEditions.Where(a => a.EditionId == f.EditionId && a.OrganisationId == f.AllianceId).Select(a => a.Name).FirstOrDefault(),
            f.Edition!.Year)
        {
            Icb = f.Icb == null
                ? null
                : new OrganisationLink(
                    f.Icb.Id, f.Icb.Code,
                    db.OrganisationEditions.Where(a => a.EditionId == f.EditionId && a.OrganisationId == f.IcbId).Select(a => a.Name).FirstOrDefault() ?? f.Icb.Code),
            Region = f.Region == null
                ? null
                : new OrganisationLink(
                    f.Region.Id, f.Region.Code,
                    db.OrganisationEditions.Where(a => a.EditionId == f.EditionId && a.OrganisationId == f.RegionId).Select(a => a.Name).FirstOrDefault() ?? f.Region.Code),
        };
}
