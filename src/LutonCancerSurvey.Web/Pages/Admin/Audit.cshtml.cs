using LutonCancerSurvey.Core.Admin;
using LutonCancerSurvey.Core.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LutonCancerSurvey.Web.Pages.Admin;

public class AuditModel(AuditLog audit) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await audit.LatestAsync(Shown, cancellationToken);
}
