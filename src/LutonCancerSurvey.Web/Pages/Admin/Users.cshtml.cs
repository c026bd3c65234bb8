using System.ComponentModel.DataAnnotations;
using LutonCancerSurvey.Core.Admin;
using LutonCancerSurvey.Web.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Web.Pages.Admin;

public sealed record UserRow(string Id, string Email, string Role, bool Disabled);

/// <summary>Create users, set their role, disable or enable them; every change is audited.</summary>
public class UsersModel(UserManager<IdentityUser> users, PublicationService audit, TimeProvider time) : PageModel
{
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

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(NewEmail) || !ModelState.IsValid)
        {
            return await FailAsync("Enter the new user's email address.");
        }

        if (!Roles.All.Contains(NewRole))
        {
            return await FailAsync("Choose the new user's role.");
        }

        var user = new IdentityUser { UserName = NewEmail, Email = NewEmail, EmailConfirmed = true };
        var created = await users.CreateAsync(user, NewPassword ?? string.Empty);
        if (!created.Succeeded)
        {
            Problems.AddRange(created.Errors.Select(e => e.Description));
            return await FailAsync(null);
        }

        await users.AddToRoleAsync(user, NewRole!);
        await audit.AuditAsync(Actor, "user-create", $"{NewEmail} created as {NewRole}", cancellationToken);
        Message = $"{NewEmail} can now sign in as {NewRole}. Give them their password by a separate, secure route.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRoleAsync(string id, string role, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || !Roles.All.Contains(role))
        {
            return await FailAsync("Choose a user and a role.");
        }

        if (IsSelf(user) && role != Roles.Administrator)
        {
            return await FailAsync("You cannot remove your own administrator role.");
        }

        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        await audit.AuditAsync(Actor, "user-role", $"{user.Email} is now {role}", cancellationToken);
        Message = $"{user.Email} is now {role}.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync(string id, bool disable, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return await FailAsync("There is no such user.");
        }

        if (IsSelf(user))
        {
            return await FailAsync("You cannot disable your own account.");
        }

        // A lockout that never ends disables the account; the new security stamp signs it out everywhere.
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, disable ? DateTimeOffset.MaxValue : null);
        await users.UpdateSecurityStampAsync(user);
        await audit.AuditAsync(Actor, disable ? "user-disable" : "user-enable", user.Email ?? user.Id, cancellationToken);
        Message = $"{user.Email} is {(disable ? "disabled" : "enabled")}.";
        return RedirectToPage();
    }

    private string Actor => User.Identity?.Name ?? "unknown";

    private bool IsSelf(IdentityUser user) => string.Equals(user.UserName, User.Identity?.Name, StringComparison.OrdinalIgnoreCase);

    private async Task<IActionResult> FailAsync(string? problem)
    {
        if (problem is not null)
        {
            Problems.Add(problem);
        }

        Response.StatusCode = StatusCodes.Status400BadRequest;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var now = time.GetUtcNow();
        var list = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync();
        var rows = new List<UserRow>();
        foreach (var user in list)
        {
            var roles = await users.GetRolesAsync(user);
            rows.Add(new UserRow(user.Id, user.Email ?? user.UserName ?? user.Id, roles.FirstOrDefault() ?? "none", user.LockoutEnd > now));
        }

        Users = rows;
    }
}
