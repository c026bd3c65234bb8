using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace LutonCancerSurvey.Web.Access;

/// <summary>
/// Checks the security stamp of every signed-in request as Identity does, without sending the cookie again.
/// Identity's validator renews the cookie whenever it has checked the stamp, because it expects to check every 30
/// minutes; checked on every request (ValidationInterval zero, so access taken away ends sessions at once), that
/// would put a new sign-in cookie on every answer. The cookie is renewed only by sliding expiration, past half its life.
/// </summary>
public sealed class SessionStampValidator(
    IOptions<SecurityStampValidatorOptions> options,
    SignInManager<IdentityUser> signInManager,
    ILoggerFactory logger)
    : SecurityStampValidator<IdentityUser>(options, signInManager, logger)
{
    protected override async Task SecurityStampVerified(IdentityUser user, CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        await base.SecurityStampVerified(user, context);
        context.ShouldRenew = false;
    }
}
