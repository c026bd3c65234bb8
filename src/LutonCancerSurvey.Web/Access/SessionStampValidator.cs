using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LutonCancerSurvey.Web.Access;

/// <summary>
/// Checks the security stamp of every signed-in request as Identity does, without rebuilding the sign-in or sending
/// the cookie again. Identity's validator, which expects to check every 30 minutes, reads the user's roles and claims
/// again and renews the cookie whenever it has checked the stamp; checked on every request (ValidationInterval zero,
/// so access taken away ends sessions at once), that cost three queries and a new cookie on every answer. Every change
/// of a user's role or access changes their stamp too (<see cref="UserAdministration"/>, <see cref="OrganisationSignIn"/>),
/// so a cookie whose stamp still matches already carries the current roles. The cookie is renewed only by sliding
/// expiration, past half its life.
/// </summary>
public sealed class SessionStampValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<IdentityUser> signInManager,
    ILoggerFactory logger)
    : SecurityStampValidator<IdentityUser>(options, signInManager, logger)
{
    protected override Task SecurityStampVerified(IdentityUser user, CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.ShouldRenew = false;
        return Task.CompletedTask;
    }
}
