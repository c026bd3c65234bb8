using LutonCancerSurvey.Core.Domain;

namespace LutonCancerSurvey.Web.Access;

/// <summary>Signed-in commissioners and administrators see embargoed (draft) editions; the public never does.</summary>
public sealed class HttpViewer(IHttpContextAccessor accessor) : IViewer
{
    public bool SeesDrafts =>
        accessor.HttpContext?.User is { } user && (user.IsInRole(Roles.Commissioner) || user.IsInRole(Roles.Administrator));
}
