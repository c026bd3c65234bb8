using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LutonCancerSurvey.Web.Tests.Support;

/// <summary>Users and signed-in clients for access tests. Clients use https so the Secure cookies are sent.</summary>
public static partial class Accounts
{
    public const string Password = "Test-Password-123!";

    public static Task<string> CreateUserAsync(this WebApplicationFactory<Program> app, string role) =>
        app.CreateUserAsync(role, $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.nhs.uk");

    public static async Task<string> CreateUserAsync(this WebApplicationFactory<Program> app, string role, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        (await users.CreateAsync(user, Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, role)).Succeeded.Should().BeTrue();
        return email;
    }

    public static HttpClient NewClient(this WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
        });

    /// <summary>A client signed in as a new user with the role, or anonymous when role is null.</summary>
    public static async Task<HttpClient> ClientAsAsync(this DashboardFactory app, string? role)
    {
        var client = app.NewClient();
        if (role is not null)
        {
            var email = await app.CreateUserAsync(role);
            using var response = await client.SignInAsync(email, Password);
            response.StatusCode.Should().Be(HttpStatusCode.Redirect, "the user should be signed in");
        }

        return client;
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password)
    {
        var token = await AntiforgeryTokenAsync(client, "/account/sign-in");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        return await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), form);
    }

    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client, string pageUrl, string postUrl, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await AntiforgeryTokenAsync(client, pageUrl);
        using var form = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(postUrl, UriKind.Relative), form);
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string url)
    {
        var html = await client.GetStringAsync(new Uri(url, UriKind.Relative));
        return TokenIn(html);
    }

    /// <summary>The antiforgery request token of the first form in <paramref name="html"/>; empty when it has none.</summary>
    public static string TokenIn(string html) => TokenPattern().Match(html).Groups[1].Value;

    /// <summary>
    /// The antiforgery cookie and token of one sign-in page, for attempts sent straight to the test server (e.g. from a
    /// chosen client address) rather than through a client that keeps cookies.
    /// </summary>
    public static async Task<(string Cookie, string Token)> SignInFormAsync(this WebApplicationFactory<Program> app)
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var page = await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.Contains("lcs.antiforgery=", StringComparison.Ordinal)).Split(';')[0];
        return (cookie, TokenIn(await page.Content.ReadAsStringAsync()));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
