using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace LutonCancerSurvey.Web.Access;

/// <summary>
/// Password sign-in that does the same work whether or not the account exists or is locked: exactly one password hash
/// check per attempt. Without it an unknown email answers in a few milliseconds and a real one in about fifty (the
/// hash), which tells an attacker which emails have accounts.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<IdentityUser> signIn, UserManager<IdentityUser> users, IPasswordHasher<IdentityUser> hasher)
{
    private static readonly IdentityUser Nobody = new();
    private static string? s_placeholderHash;

    public async Task<SignInResult> SignInAsync(string email, string password)
    {
        // An account with no password (one that signs in through its organisation) is treated as unknown here.
        var user = await users.FindByNameAsync(email);
        if (user?.PasswordHash is null)
        {
            hasher.VerifyHashedPassword(Nobody, PlaceholderHash(), password);
            return SignInResult.Failed;
        }

        // Identity refuses a locked-out account before checking its password; check it anyway so that the answer
        // takes as long as any other.
        if (await users.IsLockedOutAsync(user))
        {
            hasher.VerifyHashedPassword(user, user.PasswordHash, password);
            return SignInResult.LockedOut;
        }

        return await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
    }

    /// <summary>A hash of a random password, made with the configured hasher so that checking it costs what a real one does.</summary>
    private string PlaceholderHash() =>
        s_placeholderHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
}
