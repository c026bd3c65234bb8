using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace LutonCancerSurvey.Web.Tests.Support;

/// <summary>Where a sign-in through the provider ended: the last answer (after every redirect) and its address.</summary>
public sealed record OidcSignInOutcome(HttpStatusCode Status, Uri Address, string Html);

public static class OidcSignIn
{
    /// <summary>
    /// Signs in as a person would: "Sign in with your organisation" on the app's sign-in page, the provider's own
    /// login page (any password) and consent page (or its cancel link), back to the app, following every redirect to
    /// the end.
    /// </summary>
    public static async Task<OidcSignInOutcome> SignInThroughProviderAsync(
        this HttpClient client, string login, string returnUrl = "/", bool cancelAtProvider = false)
    {
        var signInPage = $"/account/sign-in?ReturnUrl={Uri.EscapeDataString(returnUrl)}";
        var response = await client.PostFormAsync(signInPage, $"{signInPage}&handler=External", new Dictionary<string, string>
        {
            ["scheme"] = "OpenIdConnect",
            ["ReturnUrl"] = returnUrl,
        });
        var address = new Uri(client.BaseAddress!, signInPage);
        for (var step = 0; step < 20; step++)
        {
            using var current = response;
            if (current.Headers.Location is { } location)
            {
                address = new Uri(address, location);
                response = await client.GetAsync(address);
                continue;
            }

            var html = await current.Content.ReadAsStringAsync();
            if (address.Port == client.BaseAddress!.Port || current.StatusCode != HttpStatusCode.OK)
            {
                return new OidcSignInOutcome(current.StatusCode, address, html);
            }

            // A page of the provider: its login form or its consent form, each with a link to cancel.
            var document = await Html.ParseAsync(html);
            if (cancelAtProvider)
            {
                var cancel = document.QuerySelector(".login-help a")?.GetAttribute("href")
                    ?? throw new InvalidOperationException($"The provider offered no cancel link at {address}: {html}");
                address = new Uri(address, cancel);
                response = await client.GetAsync(address);
                continue;
            }

            var form = document.Forms.FirstOrDefault(f => f.QuerySelector("input[name='prompt']") is not null)
                ?? throw new InvalidOperationException($"The provider showed no form at {address}: {html}");
            var prompt = form.QuerySelector<IHtmlInputElement>("input[name='prompt']")!.Value;
            var fields = new Dictionary<string, string> { ["prompt"] = prompt };
            if (prompt == "login")
            {
                fields["login"] = login;
                fields["password"] = "any password: the test provider accepts every one";
            }

            address = new Uri(address, form.GetAttribute("action"));
            using var content = new FormUrlEncodedContent(fields);
            response = await client.PostAsync(address, content);
        }

        throw new InvalidOperationException("The sign-in did not finish in 20 steps");
    }
}
