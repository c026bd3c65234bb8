using System.Globalization;
using LutonCancerSurvey.Core.Domain;

namespace LutonCancerSurvey.Web.Routing;

/// <summary>
/// <c>{code:organisation}</c>: an address whose code could not name any organisation (blank, a tab, punctuation)
/// matches no page, so it is answered 404 like an unknown code instead of reaching a query.
/// </summary>
public sealed class OrganisationCodeConstraint : IRouteConstraint
{
    public const string Name = "organisation";

    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection)
    {
        ArgumentNullException.ThrowIfNull(values);
        return values.TryGetValue(routeKey, out var value)
            && OrganisationCodes.CouldName(Convert.ToString(value, CultureInfo.InvariantCulture));
    }
}
