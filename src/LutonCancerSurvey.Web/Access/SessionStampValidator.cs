using System.Security.Claims;
using LutonCancerSurvey.Core.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace LutonCancerSurvey.Web.Access;

/// <summary>
/// Checks the security stamp of every signed-in request against the database, so that disabling, demoting or signing
/// someone out ends their sessions at once (Identity's own validator checks every 30 minutes). It reads the stamp
/// alone, by one compiled query: Identity's validator, run on every request, built the sign-in manager and user
/// manager, loaded the whole user and, when the stamp matched, read the user's roles and claims again and sent a new
/// cookie, which together cost about a third of a signed-in page. Every change of a user's role or access changes
/// their stamp too (<see cref="UserAdministration"/>, <see cref="OrganisationSignIn"/>), so a cookie whose stamp still
/// matches already carries the current roles; it is renewed only by sliding expiration, past half its life.
/// </summary>
public sealed class SessionStampValidator(SurveyDbContext db, IOptions<IdentityOptions> identity) : ISecurityStampValidator
{
    private static readonly Func<SurveyDbContext, string, CancellationToken, Task<string?>> StampOf =
        EF.CompileAsyncQuery((SurveyDbContext db, string userId, CancellationToken _) =>
            db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).FirstOrDefault());

    public async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var claims = identity.Value.ClaimsIdentity;
        var userId = context.Principal?.FindFirstValue(claims.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(claims.SecurityStampClaimType);
        if (userId is not null && stamp is not null
            && string.Equals(stamp, await StampOf(db, userId, context.HttpContext.RequestAborted), StringComparison.Ordinal))
        {
            return;
        }

        // As Identity's validator does: the cookie no longer stands for anyone, and every sign-in cookie is removed.
        context.RejectPrincipal();
        await context.HttpContext.RequestServices.GetRequiredService<SignInManager<IdentityUser>>().SignOutAsync();
        await context.HttpContext.SignOutAsync(IdentityConstants.TwoFactorRememberMeScheme);
    }
}
