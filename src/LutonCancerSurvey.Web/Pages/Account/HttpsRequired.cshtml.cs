using LutonCancerSurvey.Web.Setup;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LutonCancerSurvey.Web.Pages.Account;

/// <summary>
/// Where sign-in and admin requests over plain HTTP are sent when HTTPS is required: a form here would need the
/// Secure antiforgery cookie, which cannot be set over HTTP, so this page has none.
/// </summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class HttpsRequiredModel(IConfiguration configuration, IHostEnvironment environment) : PageModel
{
    public void OnGet() => Refuse();

    public void OnPost() => Refuse();

    private void Refuse()
    {
        if (!Request.IsHttps && AccessSetup.RequiresHttps(configuration, environment))
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
    }
}
