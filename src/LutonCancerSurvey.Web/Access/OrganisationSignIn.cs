using System.Security.Claims;
using LutonCancerSurvey.Core.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace LutonCancerSurvey.Web.Access;

/// <summary>Sign-in through an organisation's OpenID Connect provider (section Authentication:OpenIdConnect).</summary>
public sealed class OrganisationSignInOptions
{
    public const string Section = "Authentication:OpenIdConnect";

    /// <summary>The provider's claim that carries its role or group values (default "roles").</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>
    /// A provider role value → this dashboard's role (Administrator or Commissioner). When any is set, the provider
    /// decides the role of everyone who signs in through it; when none is, the local account's role applies.
    /// </summary>
    public IReadOnlyDictionary<string, string> RoleMappings { get; set; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Link an invitation only to an e-mail the provider says it has verified (email_verified).</summary>
    public bool RequireVerifiedEmail { get; set; } = true;

    /// <summary>Reads the section, with the role mappings as they are written (claim values are case-sensitive).</summary>
    public static OrganisationSignInOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(Section);
        var mappings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mapping in section.GetSection(nameof(RoleMappings)).GetChildren())
        {
            var role = Roles.All.FirstOrDefault(r => string.Equals(r, mapping.Value?.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidOperationException(
                    $"{Section}:{nameof(RoleMappings)}:{mapping.Key} is '{mapping.Value}'; it must be one of {string.Join(", ", Roles.All)}.");
            mappings[mapping.Key] = role;
        }

        return new OrganisationSignInOptions
        {
            RoleClaim = section[nameof(RoleClaim)] is { Length: > 0 } claim ? claim : "roles",
            RoleMappings = mappings,
            RequireVerifiedEmail = section.GetValue(nameof(RequireVerifiedEmail), true),
        };
    }
}

public enum OrganisationSignInStatus
{
    SignedIn,
    DidNotComplete,
    NoEmail,
    EmailNotVerified,
    NotInvited,
    InvitationTaken,
    Disabled,
    NoRole,
}

public sealed record OrganisationSignInOutcome(OrganisationSignInStatus Status, string? Email = null)
{
    public bool SignedIn => Status == OrganisationSignInStatus.SignedIn;

    /// <summary>What the person is told when they are not signed in.</summary>
    public string Message => Status switch
    {
        OrganisationSignInStatus.DidNotComplete => "Sign-in with your organisation did not complete. Try again.",
        OrganisationSignInStatus.NoEmail =>
            "Your organisation did not tell us your e-mail address, so we cannot find your account. Ask an administrator.",
        OrganisationSignInStatus.EmailNotVerified =>
            $"Your organisation has not confirmed the e-mail address {Email}, so it cannot be used to sign in here. Ask your organisation's IT team or an administrator.",
        OrganisationSignInStatus.NotInvited =>
            $"There is no account for {Email} on this dashboard. Ask an administrator to invite you: they add your e-mail address as a user.",
        OrganisationSignInStatus.InvitationTaken =>
            $"The account for {Email} is already linked to a different sign-in at your organisation. Ask an administrator.",
        OrganisationSignInStatus.Disabled =>
            "Your account on this dashboard is disabled or locked. Ask an administrator.",
        OrganisationSignInStatus.NoRole =>
            "Your organisation has not given you a role on this dashboard. Ask your organisation's IT team or an administrator.",
        _ => string.Empty,
    };
}

/// <summary>
/// Completes a sign-in through the organisation's provider, as an ASP.NET Core Identity external login: the
/// provider's answer waits in the external cookie, the local account is found by its stored login (or, on first
/// sign-in, by the e-mail an administrator invited, and linked), and only then is the person signed in with the
/// application cookie, with the local account's roles. Nobody without a local account gets in.
/// </summary>
public sealed partial class OrganisationSignIn(
    SignInManager<IdentityUser> signIn,
    UserManager<IdentityUser> users,
    AuditLog audit,
    OrganisationSignInOptions options,
    ILogger<OrganisationSignIn> logger)
{
    public const string Actor = "identity provider";

    public async Task<OrganisationSignInOutcome> CompleteAsync(CancellationToken cancellationToken)
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            logger.LogWarning("Organisation sign-in refused: no external login to complete");
            return new(OrganisationSignInStatus.DidNotComplete);
        }

        // Whatever happens next, the provider's answer must not outlive this request.
        await signIn.Context.SignOutAsync(IdentityConstants.ExternalScheme);
        var outcome = await SignInAsync(info, cancellationToken);
        if (outcome.SignedIn)
        {
            LogSignedIn(logger, info.LoginProvider);
        }
        else
        {
            LogRefused(logger, info.LoginProvider, outcome.Status);
        }

        return outcome;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "User signed in through {Provider}")]
    private static partial void LogSignedIn(ILogger logger, string provider);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Organisation sign-in refused through {Provider}: {Reason}")]
    private static partial void LogRefused(ILogger logger, string provider, OrganisationSignInStatus reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Organisation sign-in through {Provider} asserted an e-mail that only looks like an invited address (it differs beyond ASCII case); treated as not invited")]
    private static partial void LogLookAlike(ILogger logger, string provider);

    private async Task<OrganisationSignInOutcome> SignInAsync(ExternalLoginInfo info, CancellationToken cancellationToken)
    {
        var email = info.Principal.FindFirstValue("email")?.Trim();
        var user = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
        if (user is null)
        {
            var invited = await InvitedAsync(info, email);
            if (invited.Outcome is { } refused)
            {
                return refused;
            }

            user = invited.User!;
            var added = await users.AddLoginAsync(user, new UserLoginInfo(info.LoginProvider, info.ProviderKey, info.ProviderDisplayName));
            if (!added.Succeeded)
            {
                return new(OrganisationSignInStatus.InvitationTaken, email);
            }

            await audit.WriteAsync(Actor, "user-link", $"{user.Email} linked to {info.LoginProvider} login {info.ProviderKey}", cancellationToken);
        }

        email = user.Email ?? email;
        if (await users.IsLockedOutAsync(user))
        {
            return new(OrganisationSignInStatus.Disabled, email);
        }

        if (options.RoleMappings.Count > 0 && !await ApplyMappedRoleAsync(user, info.Principal, cancellationToken))
        {
            return new(OrganisationSignInStatus.NoRole, email);
        }

        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: info.LoginProvider);
        return new(OrganisationSignInStatus.SignedIn, email);
    }

    /// <summary>The invited (local) account for a first sign-in, or why there is none to link.</summary>
    private async Task<(IdentityUser? User, OrganisationSignInOutcome? Outcome)> InvitedAsync(ExternalLoginInfo info, string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return (null, new(OrganisationSignInStatus.NoEmail));
        }

        // Linking by e-mail trusts the provider's word for it: an address it has not verified could be anyone's.
        if (options.RequireVerifiedEmail
            && !string.Equals(info.Principal.FindFirstValue("email_verified"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return (null, new(OrganisationSignInStatus.EmailNotVerified, email));
        }

        // Found by Identity's normalised address, which folds Unicode look-alikes together: only the invited address
        // itself, give or take ASCII case, is an invitation.
        var user = await users.FindByEmailAsync(email);
        if (user is not null && !InvitedAddress.Matches(user.Email, email))
        {
            LogLookAlike(logger, info.LoginProvider);
            user = null;
        }

        if (user is null)
        {
            return (null, new(OrganisationSignInStatus.NotInvited, email));
        }

        if (await users.IsLockedOutAsync(user))
        {
            return (null, new(OrganisationSignInStatus.Disabled, email));
        }

        // An invitation is for one person: an account already linked to another login at this provider stays theirs.
        if ((await users.GetLoginsAsync(user)).Any(l => l.LoginProvider == info.LoginProvider))
        {
            return (null, new(OrganisationSignInStatus.InvitationTaken, email));
        }

        return (user, null);
    }

    /// <summary>
    /// With role mappings the provider decides the role: the local account takes the mapped role (Administrator
    /// above Commissioner), or loses its role when the provider grants none. A change is audited and ends the
    /// account's other sessions (new security stamp). False when the person has no role.
    /// </summary>
    private async Task<bool> ApplyMappedRoleAsync(IdentityUser user, ClaimsPrincipal principal, CancellationToken cancellationToken)
    {
        var granted = principal.FindAll(options.RoleClaim)
            .Select(c => options.RoleMappings.TryGetValue(c.Value, out var role) ? (Role: role, Value: c.Value) : default)
            .Where(m => m.Role is not null)
            .OrderBy(m => m.Role == Roles.Administrator ? 0 : 1)
            .FirstOrDefault();
        var current = await users.GetRolesAsync(user);
        if (granted.Role is null)
        {
            if (current.Count > 0)
            {
                await users.RemoveFromRolesAsync(user, current);
                await users.UpdateSecurityStampAsync(user);
                await audit.WriteAsync(Actor, "user-role", $"{user.Email} has no role (no mapped {options.RoleClaim} value)", cancellationToken);
            }

            return false;
        }

        if (current.Count != 1 || current[0] != granted.Role)
        {
            await users.RemoveFromRolesAsync(user, current);
            await users.AddToRoleAsync(user, granted.Role);
            await users.UpdateSecurityStampAsync(user);
            await audit.WriteAsync(Actor, "user-role", $"{user.Email} is now {granted.Role} ({granted.Value})", cancellationToken);
        }

        return true;
    }
}
