using System.ComponentModel.DataAnnotations;
using LutonCancerSurvey.Web.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LutonCancerSurvey.Web.Pages.Admin;

/// <summary>Create users, set their role, disable or enable them; every change is audited.</summary>
public class UsersModel(UserAdministration administration, IAuthenticationSchemeProvider schemes) : PageModel
{
    /// <summary>Whether people can sign in through their organisation, and so be invited without a password.</summary>
    public bool OrganisationSignIn { get; private set; }

    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public List<string> Problems { get; } = [];

    [BindProperty]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format")]
    public string? NewEmail { get; set; }

    [BindProperty]
    public string? NewRole { get; set; }

    [BindProperty]
    [DataType(DataType.Password)]
    public string? NewPassword { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        OrganisationSignIn = await OrganisationSignInConfiguredAsync();
        Users = await administration.ListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return await ShowAsync(UserChange.Refused("Enter the new user's email address."), cancellationToken);
        }

        // With organisation sign-in, no password is an invitation to sign in there only.
        if (string.IsNullOrEmpty(NewPassword) && await OrganisationSignInConfiguredAsync())
        {
            return await ShowAsync(await administration.CreateAsync(NewEmail, NewRole, null, Actor, cancellationToken), cancellationToken);
        }

        var change = await administration.CreateAsync(NewEmail, NewRole, NewPassword ?? string.Empty, Actor, cancellationToken);
        return await ShowAsync(change with
        {
            Message = change.Message + " Give them their password by a separate, secure route.",
        }, cancellationToken);
    }

    public async Task<IActionResult> OnPostRoleAsync(string id, string role, CancellationToken cancellationToken) =>
        await ShowAsync(await administration.SetRoleAsync(id, role, Actor, cancellationToken), cancellationToken);

    public async Task<IActionResult> OnPostDisableAsync(string id, bool disable, CancellationToken cancellationToken) =>
        await ShowAsync(await administration.SetDisabledAsync(id, disable, Actor, cancellationToken), cancellationToken);

    private string Actor => User.Identity?.Name ?? "unknown";

    private async Task<IActionResult> ShowAsync(UserChange change, CancellationToken cancellationToken)
    {
        if (change.Succeeded)
        {
            Message = change.Message;
            return RedirectToPage();
        }

        Problems.AddRange(change.Problems);
        Response.StatusCode = StatusCodes.Status400BadRequest;
        OrganisationSignIn = await OrganisationSignInConfiguredAsync();
        Users = await administration.ListAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> OrganisationSignInConfiguredAsync() =>
        await schemes.GetSchemeAsync(OpenIdConnectDefaults.AuthenticationScheme) is not null;
}
