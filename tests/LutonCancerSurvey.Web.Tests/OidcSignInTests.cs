using System.Net;
using LutonCancerSurvey.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LutonCancerSurvey.Web.Tests;

/// <summary>
/// Signing in through an organisation's identity provider, against a real OpenID Connect provider on a loopback port:
/// only people an administrator has invited (a local account with their e-mail) get in, and then as that account.
/// </summary>
[Collection(OidcGroup.Name)]
public class OidcSignInTests
{
    private const string Commissioner = "Commissioner";
    private const string Administrator = "Administrator";

    private static readonly Dictionary<string, string> MappedRoles = new()
    {
        ["Authentication:OpenIdConnect:RoleClaim"] = "roles",
        ["Authentication:OpenIdConnect:RoleMappings:survey-administrators"] = Administrator,
        ["Authentication:OpenIdConnect:RoleMappings:survey-commissioners"] = Commissioner,
    };

    private readonly OidcProviderFixture _oidc;

    public OidcSignInTests(OidcProviderFixture oidc) => _oidc = oidc;

    private OidcProvider Provider => _oidc.Running;

    [RequiresFact(Needs.OidcProvider)]
    public async Task InvitedEmail_FirstSignIn_SignsInAsTheLocalAccountAndLinksTheLogin()
    {
        var app = _oidc.App();
        var email = await app.CreateUserAsync(Commissioner);
        var login = NewLogin();
        Provider.AddAccount(login, email);
        using var client = app.NewSignInClient();

        var outcome = await client.SignInThroughProviderAsync(login, returnUrl: "/compare");

        outcome.Status.Should().Be(HttpStatusCode.OK);
        outcome.Address.PathAndQuery.Should().Be("/compare");
        (await AccountTextAsync(client)).Should().Be($"Signed in as {email} (commissioner: you can see embargoed results) Sign out");
        (await LoginsOfAsync(app, email)).Should().Equal($"OpenIdConnect:{login}");
    }

    [RequiresFact(Needs.OidcProvider)]
    public async Task UninvitedEmail_IsRefusedWithAClearPageAndNotSignedIn()
    {
        var app = _oidc.App();
        var email = $"stranger-{Guid.NewGuid():N}@example.nhs.uk";
        var login = NewLogin();
        Provider.AddAccount(login, email);
        using var client = app.NewSignInClient();

        var outcome = await client.SignInThroughProviderAsync(login);

        outcome.Status.Should().Be(HttpStatusCode.Forbidden);
        var page = await Html.ParseAsync(outcome.Html);
        page.TestId("sign-in-error").Should().Contain($"There is no account for {email} on this dashboard")
            .And.Contain("Ask an administrator to invite you");
        (await AccountTextAsync(client)).Should().StartWith("Sign in");
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        (await users.FindByEmailAsync(email)).Should().BeNull("a refused sign-in creates no account");
    }

    [RequiresTheory(Needs.OidcProvider)]
    [InlineData("jsmith", "j\u017Fmith")] // long s, which upper-cases to S
    [InlineData("kate", "\u212Aate")] // Kelvin sign, which Unicode normalisation turns into K
    public async Task FirstSignIn_WithLookAlikeEmail_IsRefusedAsUninvitedAndNotLinked(string invitedName, string lookAlikeName)
    {
        var app = _oidc.App();
        var domain = $"-{Guid.NewGuid():N}@example.nhs.uk";
        var invited = await app.CreateUserAsync(Commissioner, invitedName + domain);
        var lookAlike = lookAlikeName + domain;
        var login = NewLogin();
        Provider.AddAccount(login, lookAlike);
        using var client = app.NewSignInClient();

        var outcome = await client.SignInThroughProviderAsync(login);

        outcome.Status.Should().Be(HttpStatusCode.Forbidden);
        (await Html.ParseAsync(outcome.Html)).TestId("sign-in-error").Should()
            .Contain($"There is no account for {lookAlike} on this dashboard. Ask an administrator to invite you: they add your e-mail address as a user.");
        (await AccountTextAsync(client)).Should().StartWith("Sign in");
        (await LoginsOfAsync(app, invited)).Should().BeEmpty("the invitation stays for the person it was made for");
    }

    [RequiresFact(Needs.OidcProvider)]
    public async Task FirstSignIn_WithTheInvitedEmailInOtherAsciiCase_SignsInAsTheInvitedAccount()
    {
        var app = _oidc.App();
        var domain = $"-{Guid.NewGuid():N}@example.nhs.uk";
        var invited = await app.CreateUserAsync(Commissioner, "jsmith" + domain);
        var login = NewLogin();
        Provider.AddAccount(login, "JSmith" + domain.ToUpperInvariant());
        using var client = app.NewSignInClient();

        var outcome = await client.SignInThroughProviderAsync(login);

        outcome.Status.Should().Be(HttpStatusCode.OK);
        (await AccountTextAsync(client)).Should().StartWith($"Signed in as {invited} (commissioner");
        (await LoginsOfAsync(app, invited)).Should().Equal($"OpenIdConnect:{login}");
    }

    [RequiresFact(Needs.OidcProvider)]
    public async Task SecondSignIn_FindsTheLinkedLogin_EvenAfterTheProviderEmailChanged()
    {
        var app = _oidc.App();
        var email = await app.CreateUserAsync(Commissioner);
        var login = NewLogin();
        Provider.AddAccount(login, email);
        using (var first = app.NewSignInClient())
        {
            (await first.SignInThroughProviderAsync(login)).Status.Should().Be(HttpStatusCode.OK);
        }

        // The provider now asserts an e-mail no local account has: only the stored login can find the account.
        Provider.AddAccount(login, $"renamed-{Guid.NewGuid():N}@example.nhs.uk");
        using var second = app.NewSignInClient();
        var outcome = await second.SignInThroughProviderAsync(login);

        outcome.Status.Should().Be(HttpStatusCode.OK);
        (await AccountTextAsync(second)).Should().StartWith($"Signed in as {email} (commissioner");
        (await LoginsOfAsync(app, email)).Should().Equal($"OpenIdConnect:{login}");
    }

    [RequiresFact(Needs.OidcProvider)]
    public async Task DisabledAccount_IsRefused_WhetherLinkedOrNot()
    {
        var app = _oidc.App();
        var linkedEmail = await app.CreateUserAsync(Commissioner);
        var linkedLogin = NewLogin();
        Provider.AddAccount(linkedLogin, linkedEmail);
        using (var first = app.NewSignInClient())
        {
            (await first.SignInThroughProviderAsync(linkedLogin)).Status.Should().Be(HttpStatusCode.OK);
        }

        var unlinkedEmail = await app.CreateUserAsync(Commissioner);
        var unlinkedLogin = NewLogin();
        Provider.AddAccount(unlinkedLogin, unlinkedEmail);
        await DisableAsync(app, linkedEmail);
        await DisableAsync(app, unlinkedEmail);

        foreach (var (login, email) in new[] { (linkedLogin, linkedEmail), (unlinkedLogin, unlinkedEmail) })
        {
            using var client = app.NewSignInClient();
            var outcome = await client.SignInThroughProviderAsync(login);

            outcome.Status.Should().Be(HttpStatusCode.Forbidden, $"{email} is disabled");
            (await Html.ParseAsync(outcome.Html)).TestId("sign-in-error").Should().Contain("Your account on this dashboard is disabled");
            (await AccountTextAsync(client)).Should().StartWith("Sign in");
        }

        (await LoginsOfAsync(app, unlinkedEmail)).Should().BeEmpty("a disabled account is not linked");
    }

    [RequiresFact(Needs.OidcProvider)]
    public async Task UnverifiedProviderEmail_IsRefusedAndNotLinked()
    {
        var app = _oidc.App();
        var email = await app.CreateUserAsync(Administrator);
        var login = NewLogin();
        Provider.AddAccount(login, email, emailVerified: false);
        using var client = app.NewSignInClient();

        var outcome = await client.SignInThroughProviderAsync(login);

        outcome.Status.Should().Be(HttpStatusCode.Forbidden);
        (await Html.ParseAsync(outcome.Html)).TestId("sign-in-error").Should().Contain("has not confirmed the e-mail address");
        (await LoginsOfAsync(app, email)).Should().BeEmpty();
    }

    [RequiresFact(Needs.OidcProvider)]
    public async Task MappedRoleClaim_GivesTheMappedRole_AndTheLocalAccountFollowsIt()
    {
        var app = _oidc.App(MappedRoles);
        var email = await app.CreateUserAsync(Commissioner);
        var login = NewLogin();
        Provider.AddAccount(login, email, emailVerified: true, "staff", "survey-administrators");
        using var client = app.NewSignInClient();

        var outcome = await client.SignInThroughProviderAsync(login);
        using var admin = await client.GetAsync(new Uri("/admin", UriKind.Relative));

        outcome.Status.Should().Be(HttpStatusCode.OK);
        (await AccountTextAsync(client)).Should().StartWith($"Signed in as {email} (administrator)");
        admin.StatusCode.Should().Be(HttpStatusCode.OK);
        (await RolesOfAsync(app, email)).Should().Equal(Administrator);
        (await AuditAsync(app, email)).Should().Contain(("identity provider", "user-role", $"{email} is now {Administrator} (survey-administrators)"));
    }

    [RequiresFact(Needs.OidcProvider)]
    public async Task MappedRoles_WithNoMappedValue_RefuseAndRemoveTheLocalRole()
    {
        var app = _oidc.App(MappedRoles);
        var email = await app.CreateUserAsync(Administrator);
        var login = NewLogin();
        Provider.AddAccount(login, email, emailVerified: true, "staff");
        using var client = app.NewSignInClient();

        var outcome = await client.SignInThroughProviderAsync(login);

        outcome.Status.Should().Be(HttpStatusCode.Forbidden);
        (await Html.ParseAsync(outcome.Html)).TestId("sign-in-error").Should().Contain("Your organisation has not given you a role on this dashboard");
        (await AccountTextAsync(client)).Should().StartWith("Sign in");
        (await RolesOfAsync(app, email)).Should().BeEmpty("the provider no longer grants a role");
    }

    [RequiresFact(Needs.OidcProvider)]
    public async Task LocalRoles_IgnoreTheProviderRoleClaim_WhenNoMappingIsConfigured()
    {
        var app = _oidc.App();
        var email = await app.CreateUserAsync(Commissioner);
        var login = NewLogin();
        Provider.AddAccount(login, email, emailVerified: true, "Administrator", "survey-administrators");
        using var client = app.NewSignInClient();

        (await client.SignInThroughProviderAsync(login)).Status.Should().Be(HttpStatusCode.OK);
        using var admin = await client.GetAsync(new Uri("/admin", UriKind.Relative));

        (await AccountTextAsync(client)).Should().StartWith($"Signed in as {email} (commissioner");
        admin.StatusCode.Should().Be(HttpStatusCode.Redirect, "a commissioner is sent to the access-denied page");
    }

    [RequiresFact(Needs.OidcProvider)]
    public async Task SignIn_ThroughTheProvider_IsAuditedWithTheLink()
    {
        var app = _oidc.App();
        var email = await app.CreateUserAsync(Commissioner);
        var login = NewLogin();
        Provider.AddAccount(login, email);
        using var client = app.NewSignInClient();

        (await client.SignInThroughProviderAsync(login)).Status.Should().Be(HttpStatusCode.OK);

        (await AuditAsync(app, email)).Should().Contain(("identity provider", "user-link", $"{email} linked to OpenIdConnect login {login}"));
    }

    [RequiresFact(Needs.OidcProvider)]
    public async Task AdministratorInvitesWithoutAPassword_ThePersonSignsInThroughTheirOrganisationOnly()
    {
        var app = _oidc.App();
        var adminEmail = await app.CreateUserAsync(Administrator);
        using var admin = app.NewSignInClient();
        (await admin.SignInAsync(adminEmail, Accounts.Password)).StatusCode.Should().Be(HttpStatusCode.Redirect);
        var usersPage = await Html.ParseAsync(await admin.GetStringAsync(new Uri("/admin/users", UriKind.Relative)));
        var email = $"invited-{Guid.NewGuid():N}@example.nhs.uk";
        var login = NewLogin();
        Provider.AddAccount(login, email);

        using var created = await admin.PostFormAsync("/admin/users", "/admin/users?handler=Create", new Dictionary<string, string>
        {
            ["NewEmail"] = email,
            ["NewRole"] = Commissioner,
            ["NewPassword"] = "",
        });
        using var person = app.NewSignInClient();
        var outcome = await person.SignInThroughProviderAsync(login);

        usersPage.QuerySelector("#password-hint")!.TextContent.Should().Contain("Leave it empty to invite someone who signs in through their organisation");
        created.StatusCode.Should().Be(HttpStatusCode.Redirect);
        outcome.Status.Should().Be(HttpStatusCode.OK);
        (await AccountTextAsync(person)).Should().StartWith($"Signed in as {email} (commissioner");
        (await AuditAsync(app, email)).Should().Contain((adminEmail, "user-create", $"{email} invited as {Commissioner}, to sign in through their organisation"));
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        (await users.HasPasswordAsync((await users.FindByEmailAsync(email))!)).Should().BeFalse("an invitation has no password to leak");
    }

    [RequiresFact(Needs.OidcProvider)]
    public async Task CancelledAtTheProvider_EndsOnTheSignInPageWithAMessage()
    {
        var app = _oidc.App();
        var email = await app.CreateUserAsync(Commissioner);
        var login = NewLogin();
        Provider.AddAccount(login, email);
        using var client = app.NewSignInClient();

        var outcome = await client.SignInThroughProviderAsync(login, cancelAtProvider: true);

        outcome.Status.Should().Be(HttpStatusCode.BadRequest);
        outcome.Address.AbsolutePath.Should().Be("/account/sign-in");
        (await Html.ParseAsync(outcome.Html)).TestId("sign-in-error").Should().Contain("Sign-in with your organisation did not complete. Try again.");
        (await AccountTextAsync(client)).Should().StartWith("Sign in");
        (await LoginsOfAsync(app, email)).Should().BeEmpty();
    }

    [RequiresFact(Needs.OidcProvider)]
    public async Task SignInPage_OffersTheOrganisationButton_OnlyWhenConfigured()
    {
        var app = _oidc.App();
        using var configured = app.NewSignInClient();
        using var plain = new DashboardFactory();
        using var unconfigured = plain.NewClient();

        using var withProvider = await configured.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
        using var without = await unconfigured.GetAsync(new Uri("/account/sign-in", UriKind.Relative));
        var withProviderPage = await Html.ParseAsync(await withProvider.Content.ReadAsStringAsync());
        var withoutPage = await Html.ParseAsync(await without.Content.ReadAsStringAsync());

        withProviderPage.TestId("sign-in-organisation").Should().Be("Sign in with your organisation");
        withoutPage.QuerySelector("[data-testid='sign-in-organisation']").Should().BeNull();
        // The button's form post is redirected to the provider, which the policy must allow; no other site is.
        withProvider.Headers.GetValues("Content-Security-Policy").Single().Should()
            .Contain($"form-action 'self' {Provider.Issuer.GetLeftPart(UriPartial.Authority)};");
        without.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("form-action 'self';");
    }

    private static string NewLogin() => $"person-{Guid.NewGuid():N}";

    private static async Task<string> AccountTextAsync(HttpClient client)
    {
        var page = await Html.ParseAsync(await client.GetStringAsync(new Uri("/about", UriKind.Relative)));
        return string.Join(" ", page.TestId("account").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static async Task<IReadOnlyList<string>> LoginsOfAsync(OidcDashboard app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"no user {email}");
        return (await users.GetLoginsAsync(user)).Select(l => $"{l.LoginProvider}:{l.ProviderKey}").ToList();
    }

    private static async Task<IReadOnlyList<string>> RolesOfAsync(OidcDashboard app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"no user {email}");
        return [.. await users.GetRolesAsync(user)];
    }

    private static async Task DisableAsync(OidcDashboard app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"no user {email}");
        (await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue)).Succeeded.Should().BeTrue();
    }

    private static async Task<IReadOnlyList<(string Actor, string Action, string Details)>> AuditAsync(OidcDashboard app, string email)
    {
        using var db = app.NewDbContext();
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.Details.Contains(email)).ToListAsync();
        return entries.Select(a => (a.Actor, a.Action, a.Details)).ToList();
    }
}
