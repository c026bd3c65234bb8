using LutonCancerSurvey.Web.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LutonCancerSurvey.Web.Pages.Account;

/// <summary>Signing out ends every session of the user, so a copied or stolen cookie stops working too.</summary>
public class SignOutModel(SignInManager<IdentityUser> signIn, UserAdministration administration) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Index");

    public async Task<IActionResult> OnPostAsync()
    {
        await administration.EndSessionsAsync(User);
        await signIn.SignOutAsync();
        return RedirectToPage("/Index");
    }
}
