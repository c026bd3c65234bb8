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

    // From the query only: re-executing a refused upload must not read its form (the body it was refused for).
    public void OnGet([FromQuery] int? status) => Describe(status);

    public void OnPost([FromQuery] int? status) => Describe(status);

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

        else if (status == StatusCodes.Status413PayloadTooLarge)
        {
            Title = "The file is too large";
            Message = string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"An upload may be at most {Admin.UploadModel.MaxBytes / (1024 * 1024):N0} MiB. Compress the CSV file with gzip (.csv.gz) and upload it again.");
        }

        if (status is >= 400 and < 600)
        {
            Response.StatusCode = status.Value;
        }
    }
}
