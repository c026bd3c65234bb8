using LutonCancerSurvey.Web.Setup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LutonCancerSurvey.Web.Pages.Account;

/// <summary>
/// Where sign-in and admin requests over plain HTTP are sent when HTTPS is required, and every plain-HTTP request
/// that cannot be redirected to HTTPS: a form here would need the Secure antiforgery cookie, which cannot be set over
/// HTTP, so this page has none.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class HttpsRequiredModel(IConfiguration configuration, IHostEnvironment environment) : PageModel
{
    /// <summary>Any plain-HTTP request sent here because it could not be redirected to HTTPS (no port is known).</summary>
    public bool NoHttpsPort => HttpContext.Items.ContainsKey(TransportSecuritySetup.NoHttpsPortItem);

    public void OnGet() => Refuse();

    public void OnPost() => Refuse();

    private void Refuse()
    {
        if (!Request.IsHttps && (NoHttpsPort || AccessSetup.RequiresHttps(configuration, environment)))
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }
}
