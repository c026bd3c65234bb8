using System.Linq.Expressions;
using System.Reflection;

namespace LutonCancerSurvey.Core.Domain;

/// <summary>
/// Who may see which edition, decided here and nowhere else. The public sees an edition once it is published, or once
/// its scheduled publication time has passed (an embargo lifts by itself, with nothing to run); those who may see
/// embargoed results (signed-in commissioners and administrators) also see every draft. The database's visibility
/// filter (<c>SurveyDbContext.VisibilityFilter</c>), the data stamp and the publication service all state it through
/// this class, so the rule cannot drift between them.
/// </summary>
public static class EditionVisibility
{
    private static readonly Expression<Func<SurveyEdition, DateTimeOffset, bool>> PublicRule =
        (e, now) => e.Status == EditionStatus.Published || e.PublishAt <= now;

    private static readonly Func<SurveyEdition, DateTimeOffset, bool> PublicCompiled = PublicRule.Compile();

    private static readonly MethodInfo IsPublicMethod =
        typeof(EditionVisibility).GetMethod(nameof(IsPublic), [typeof(SurveyEdition), typeof(DateTimeOffset)])!;

    /// <summary>
    /// Whether the public sees <paramref name="edition"/> at <paramref name="now"/>. Inside a query expression passed
    /// through <see cref="Expand{TDelegate}"/> it stands for the rule itself, translated to SQL.
    /// </summary>
    public static bool IsPublic(SurveyEdition edition, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(edition);
        return PublicCompiled(edition, now);
    }

    /// <summary>
    /// Whether an edition's figures are still under embargo at <paramref name="now"/>: a draft the public does not see
    /// yet. A draft whose scheduled time has passed is public, so it is no longer embargoed though its status is unchanged.
    /// </summary>
    public static bool IsUnderEmbargo(EditionStatus status, DateTimeOffset? publishAt, DateTimeOffset now) =>
        !IsPublic(new SurveyEdition { Status = status, PublishAt = publishAt }, now);

    /// <summary>
    /// Replaces each call to <see cref="IsPublic"/> in <paramref name="query"/> with the rule, so that a compiled query
    /// or a query filter (which cannot take a ready-made expression) can state it by name.
    /// </summary>
    public static Expression<TDelegate> Expand<TDelegate>(Expression<TDelegate> query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return (Expression<TDelegate>)new Expander().Visit(query);
    }

    private sealed class Replacer(Expression from, Expression to) : ExpressionVisitor
    {
        public Expression Replace(Expression node) => Visit(node)!;

        public override Expression? Visit(Expression? node) => node == from ? to : base.Visit(node);
    }

    private sealed class Expander : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method != IsPublicMethod)
            {
                return base.VisitMethodCall(node);
            }

            var edition = Visit(node.Arguments[0]);
            var now = Visit(node.Arguments[1]);
            var body = new Replacer(PublicRule.Parameters[0], edition).Replace(PublicRule.Body);
            return new Replacer(PublicRule.Parameters[1], now).Replace(body);
        }
    }
}
