using LutonCancerSurvey.Core.Admin;
using LutonCancerSurvey.Core.Domain;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LutonCancerSurvey.Web.Pages.Admin;

public class AuditModel(PublicationService publication) : PageModel
{
    public const int Shown = 200;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Entries = await publication.AuditLogAsync(Shown, cancellationToken);
}
