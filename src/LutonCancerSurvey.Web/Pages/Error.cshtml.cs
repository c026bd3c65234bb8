using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace LutonCancerSurvey.Web.Pages;

/// <summary>The one error page: says what happened in plain words, never a stack trace or SQL.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public class ErrorModel : PageModel
{
    public string Title { get; private set; } = "Sorry, there is a problem with the service";
    public string Message { get; private set; } = "Try again later.";

    public void OnGet(int? status) => Describe(status);

    public void OnPost(int? status) => Describe(status);

    private void Describe(int? status)
    {
        if (status == StatusCodes.Status404NotFound)
        {
            Title = "Page not found";
            Message = "If you typed the web address, check it is correct. If you pasted it, check you copied the entire address.";
        }
        else if (status == StatusCodes.Status400BadRequest)
        {
            Title = "Sorry, that request could not be understood";
            Message = "Check the address or the form and try again.";
        }
        else if (status == StatusCodes.Status429TooManyRequests)
        {
            // The rate limiter sets Retry-After before this page is executed again for the status.
            var wait = int.TryParse(Response.Headers.RetryAfter, out var seconds) ? seconds : 60;
            Title = "Too many attempts to sign in";
            Message = $"There have been too many sign-in attempts from your network in the last minute. Wait {wait} "
                + $"second{(wait == 1 ? "" : "s")} and try again.";
        }

        if (status is >= 400 and < 600)
        {
            Response.StatusCode = status.Value;
        }
    }
}
