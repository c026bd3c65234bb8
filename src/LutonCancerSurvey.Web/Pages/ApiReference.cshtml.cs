using LutonCancerSurvey.Web.Api;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LutonCancerSurvey.Web.Pages;

/// <summary>The API's reference for people, rendered from the OpenAPI document the app serves.</summary>
public class ApiReferenceModel(ApiReference reference) : PageModel
{
    public ApiReferenceDocument? Document { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Document = await reference.ReadAsync(cancellationToken);
}
