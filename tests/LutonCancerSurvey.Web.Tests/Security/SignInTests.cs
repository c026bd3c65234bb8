using System.Net;
using LutonCancerSurvey.Web.Access;
using LutonCancerSurvey.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace LutonCancerSurvey.Web.Tests.Security;

public class SignInTests : IClassFixture<DashboardFactory>
{
    private readonly DashboardFactory _app;

    public SignInTests(DashboardFactory app) => _app = app;

    /// <summary>Counts password hash checks: the work that made a real account answer ten times slower than an unknown one.</summary>
    private sealed class CountingHasher : IPasswordHasher<IdentityUser>
    {
        private readonly PasswordHasher<IdentityUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public void Reset() => Interlocked.Exchange(ref _verifications, 0);

        public string HashPassword(IdentityUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(IdentityUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task SignIn_OfALockedOutAccountAndOfAnUnknownEmail_GivesTheSameMessageAfterTheSameHashWork()
    {
        var hasher = new CountingHasher();
        using var app = _app.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddScoped<IPasswordHasher<IdentityUser>>(_ => hasher)));
        var email = await CreateCommissionerAsync(app);
        using var client = app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false });
        for (var attempt = 0; attempt < 5; attempt++)
        {
            using var wrong = await client.SignInAsync(email, "Not-The-Password-1!");
        }

        hasher.Reset();
        using var locked = await client.SignInAsync(email, Accounts.Password);
        var lockedWork = hasher.Verifications;
        hasher.Reset();
        using var unknown = await client.SignInAsync($"nobody-{Guid.NewGuid():N}@example.nhs.uk", Accounts.Password);
        var unknownWork = hasher.Verifications;

        locked.StatusCode.Should().Be(HttpStatusCode.OK, "a refused sign-in stays on the sign-in page");
        unknown.StatusCode.Should().Be(HttpStatusCode.OK);
        var lockedMessage = await FailureAsync(locked);
        lockedMessage.Should().Be(await FailureAsync(unknown)).And.Be(LutonCancerSurvey.Web.Pages.Account.SignInModel.FailureMessage);
        locked.Headers.TryGetValues("Set-Cookie", out var cookies).Should().BeFalse("no sign-in cookie is issued: {0}", cookies);
        lockedWork.Should().Be(1, "the locked-out account's password is checked as any other's");
        unknownWork.Should().Be(1, "an unknown email costs one password check too");
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_GivesTheSameMessageAsAnUnknownEmail()
    {
        var email = await _app.CreateUserAsync(Roles.Commissioner);
        using var client = _app.NewClient();

        using var wrong = await client.SignInAsync(email, "Not-The-Password-1!");
        using var unknown = await client.SignInAsync($"nobody-{Guid.NewGuid():N}@example.nhs.uk", "Not-The-Password-1!");

        (await FailureAsync(wrong)).Should().Be(await FailureAsync(unknown));
    }

    [Fact]
    public async Task SignInPage_WithANonAsciiReturnUrl_IsServed()
    {
        using var client = _app.NewClient();

        using var response = await client.GetAsync(new Uri("/account/sign-in?ReturnUrl=%2F%C3%A9", UriKind.Relative));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/%C3%A9", "/%C3%A9")]
    [InlineData("/organisations/06P?year=2016", "/organisations/06P?year=2016")]
    [InlineData("//evil.example/", "/")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("/%0D%0ALocation:%20x", "/")]
    public async Task SignIn_WithAReturnUrl_RedirectsToAnEscapedLocalAddressOnly(string returnUrl, string expected)
    {
        var email = await _app.CreateUserAsync(Roles.Commissioner);
        using var client = _app.NewClient();
        var token = await Accounts.AntiforgeryTokenAsync(client, "/account/sign-in");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = Accounts.Password,
            ["ReturnUrl"] = Uri.UnescapeDataString(returnUrl),
            ["__RequestVerificationToken"] = token,
        });

        using var response = await client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), form);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be(expected);
    }

    [Theory]
    [InlineData("/é?q=ü", "/%C3%A9?q=%C3%BC")]
    [InlineData("/a b", "/a%20b")]
    [InlineData("/plain?x=1&y=2", "/plain?x=1&y=2")]
    public void Escape_OfALocalUrl_LeavesOnlyPrintableAscii(string url, string expected) =>
        LocalReturnUrl.Escape(url).Should().Be(expected);

    private static async Task<string> CreateCommissionerAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app)
    {
        var email = $"commissioner-{Guid.NewGuid():N}@example.nhs.uk";
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = email, Email = email, EmailConfirmed = true };
        (await users.CreateAsync(user, Accounts.Password)).Succeeded.Should().BeTrue();
        (await users.AddToRoleAsync(user, Roles.Commissioner)).Succeeded.Should().BeTrue();
        return email;
    }

    private static async Task<string> FailureAsync(HttpResponseMessage response)
    {
        var page = await Html.ParseAsync(await response.Content.ReadAsStringAsync());
        return page.QuerySelector("[data-testid='sign-in-error'] li")?.TextContent.Trim()
            ?? throw new InvalidOperationException("The page shows no sign-in error");
    }
}
