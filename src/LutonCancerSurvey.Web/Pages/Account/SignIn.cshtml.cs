using System.ComponentModel.DataAnnotations;
using LutonCancerSurvey.Web.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LutonCancerSurvey.Web.Pages.Account;

/// <summary>Sign-in for commissioners and administrators; locked out after repeated failures, rate limited per address.</summary>
public class SignInModel(
    SignInManager<IdentityUser> signIn, PasswordSignIn passwordSignIn, OrganisationSignIn organisationSignIn, ILogger<SignInModel> logger)
    : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address")]
    [EmailAddress(ErrorMessage = "Enter an email address in the correct format, like name@example.nhs.uk")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = string.Empty;

    [BindProperty]
    [Required(ErrorMessage = "Enter your password")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public const string FailureMessage =
        "The email address or password is not correct, or the account is locked. After 5 failed attempts an account is "
        + "locked for 15 minutes; an administrator can also disable it. Try again later or ask an administrator.";

    public string? Failure { get; private set; }
    public IReadOnlyList<AuthenticationScheme> ExternalSchemes { get; private set; } = [];

    public async Task OnGetAsync() => ExternalSchemes = (await signIn.GetExternalAuthenticationSchemesAsync()).ToList();

    public async Task<IActionResult> OnPostAsync()
    {
        ExternalSchemes = (await signIn.GetExternalAuthenticationSchemesAsync()).ToList();
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await passwordSignIn.SignInAsync(Email, Password);
        if (result.Succeeded)
        {
            logger.LogInformation("User signed in");
            return LocalRedirect(LocalReturnUrl.From(Url, ReturnUrl));
        }

        // One message, and the same work, for every failure: the answer must not tell an attacker which emails exist.
        Failure = FailureMessage;
        if (result.IsLockedOut)
        {
            logger.LogWarning("Sign-in refused: account locked out");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostExternalAsync(string scheme)
    {
        ExternalSchemes = (await signIn.GetExternalAuthenticationSchemesAsync()).ToList();
        if (!ExternalSchemes.Any(s => s.Name == scheme))
        {
            Failure = "Choose how to sign in.";
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var redirect = Url.Page("/Account/SignIn", "ExternalCallback", new { ReturnUrl });
        var properties = signIn.ConfigureExternalAuthenticationProperties(scheme, redirect);
        return Challenge(properties, scheme);
    }

    /// <summary>
    /// Where the provider's answer lands (through /signin-oidc and the external cookie): signed in as the local
    /// account, or refused with the reason and not signed in at all.
    /// </summary>
    public async Task<IActionResult> OnGetExternalCallbackAsync(CancellationToken cancellationToken)
    {
        ExternalSchemes = (await signIn.GetExternalAuthenticationSchemesAsync()).ToList();
        var outcome = await organisationSignIn.CompleteAsync(cancellationToken);
        if (outcome.SignedIn)
        {
            return LocalRedirect(LocalReturnUrl.From(Url, ReturnUrl));
        }

        Failure = outcome.Message;
        Response.StatusCode = outcome.Status == OrganisationSignInStatus.DidNotComplete
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status403Forbidden;
        return Page();
    }
}
