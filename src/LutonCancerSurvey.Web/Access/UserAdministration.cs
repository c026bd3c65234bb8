using System.Security.Claims;
using LutonCancerSurvey.Core.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace LutonCancerSurvey.Web.Access;

public sealed record UserRow(string Id, string Email, string Role, bool Disabled);

/// <summary>What a user change came to: a message to show, or the problems that stopped it (nothing was changed).</summary>
public sealed record UserChange(string? Message, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Problems.Count == 0;

    public static UserChange Done(string message) => new(message, []);

    public static UserChange Refused(params string[] problems) => new(null, problems);
}

/// <summary>
/// Creating users, setting their role, disabling and enabling them, and ending their sessions: the one place the admin
/// Users page and the create-admin command change accounts. Every change is audited, and every change that takes
/// access away renews the security stamp, which ends the user's existing sessions on their next request.
/// </summary>
public sealed class UserAdministration(UserManager<IdentityUser> users, AuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var list = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(cancellationToken);
        var rows = new List<UserRow>();
        foreach (var user in list)
        {
            var roles = await users.GetRolesAsync(user);
            rows.Add(new UserRow(user.Id, user.Email ?? user.UserName ?? user.Id, roles.FirstOrDefault() ?? "none", user.LockoutEnd > now));
        }

        return rows;
    }

    /// <summary>
    /// Creates a user with a first password, or with none (password null) as an invitation to sign in through their
    /// organisation's provider only: their first sign-in there links the account.
    /// </summary>
    public async Task<UserChange> CreateAsync(string? email, string? role, string? password, string actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return UserChange.Refused("Enter the new user's email address.");
        }

        if (role is null || !Roles.All.Contains(role))
        {
            return UserChange.Refused("Choose the new user's role.");
        }

        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return UserChange.Refused(created.Errors.Select(e => e.Description).ToArray());
        }

        await users.AddToRoleAsync(user, role);
        if (password is null)
        {
            await audit.WriteAsync(actor, "user-create", $"{email} invited as {role}, to sign in through their organisation", cancellationToken);
            return UserChange.Done($"{email} can now sign in through their organisation as {role}.");
        }

        await audit.WriteAsync(actor, "user-create", $"{email} created as {role}", cancellationToken);
        return UserChange.Done($"{email} can now sign in as {role}.");
    }

    public async Task<UserChange> SetRoleAsync(string id, string role, string actor, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || !Roles.All.Contains(role))
        {
            return UserChange.Refused("Choose a user and a role.");
        }

        if (IsActor(user, actor) && role != Roles.Administrator)
        {
            return UserChange.Refused("You cannot remove your own administrator role.");
        }

        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(actor, "user-role", $"{user.Email} is now {role}", cancellationToken);
        return UserChange.Done($"{user.Email} is now {role}.");
    }

    public async Task<UserChange> SetDisabledAsync(string id, bool disable, string actor, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return UserChange.Refused("There is no such user.");
        }

        if (IsActor(user, actor))
        {
            return UserChange.Refused("You cannot disable your own account.");
        }

        // A lockout that never ends disables the account; the new security stamp ends its sessions everywhere.
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, disable ? DateTimeOffset.MaxValue : null);
        await users.UpdateSecurityStampAsync(user);
        await audit.WriteAsync(actor, disable ? "user-disable" : "user-enable", user.Email ?? user.Id, cancellationToken);
        return UserChange.Done($"{user.Email} is {(disable ? "disabled" : "enabled")}.");
    }

    /// <summary>Signing out ends every session of the user, on every device: a copy of the old cookie is worth nothing.</summary>
    public async Task EndSessionsAsync(ClaimsPrincipal principal)
    {
        var user = await users.GetUserAsync(principal);
        if (user is not null)
        {
            await users.UpdateSecurityStampAsync(user);
        }
    }

    private static bool IsActor(IdentityUser user, string actor) =>
        string.Equals(user.UserName, actor, StringComparison.OrdinalIgnoreCase);
}
