using System.Net;
using System.Text;
using LutonCancerSurvey.Web.Access;
using LutonCancerSurvey.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace LutonCancerSurvey.Web.Tests.Security;

/// <summary>Taking access away ends the sessions that already exist, on their very next request.</summary>
public class SessionRevocationTests
{
    // An invented draft edition: 7.37 appears nowhere else.
    private const string DraftEdition = """
        year,level,organisation_code,organisation_name,alliance_code,alliance_name,question,question_text,section,scoring,tumour_group,breakdown,basis,respondents,score,ci_lower,ci_upper,expected_lower,expected_upper,band,change_since_previous,change_overall,group_difference,suppressed,source_note
        2019,national,E92000001,England,,,Q59,"Overall, how would you rate your care?",Your overall NHS care,mean,All Cancers,all,unadjusted,60000,8.81,8.8,8.82,,,,,,,,
        2019,ccg,06P,NHS Luton CCG,,,Q59,"Overall, how would you rate your care?",Your overall NHS care,mean,All Cancers,all,adjusted,150,7.37,7.1,7.6,8.5,9.1,below,,,,,
        """;

    private const string SignInPath = "/account/sign-in";

    private static readonly Uri DraftPage = new("/organisations/06P?year=2019", UriKind.Relative);

    [Fact]
    public async Task DisabledCommissioner_WithTheCookieIssuedBefore_NoLongerSeesTheEmbargoedEdition()
    {
        using var app = new DashboardFactory();
        _ = app.Server;
        (await app.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(DraftEdition)), "draft-2019.csv", publish: false))
            .Succeeded.Should().BeTrue();
        var email = await app.CreateUserAsync(Roles.Commissioner);
        using var commissioner = app.NewClient();
        using var signedIn = await commissioner.SignInAsync(email, Accounts.Password);
        using var before = await commissioner.GetAsync(DraftPage);
        using var admin = await app.ClientAsAsync(Roles.Administrator);

        using var disabled = await admin.PostFormAsync("/admin/users", "/admin/users?handler=Disable",
            new() { ["id"] = await UserIdAsync(app, email), ["disable"] = "true" });
        using var after = await commissioner.GetAsync(DraftPage);

        before.StatusCode.Should().Be(HttpStatusCode.OK);
        (await before.Content.ReadAsStringAsync()).Should().Contain("7.37");
        disabled.StatusCode.Should().Be(HttpStatusCode.Redirect);
        after.StatusCode.Should().Be(HttpStatusCode.NotFound, "the old cookie now counts for nothing, as for the public");
        (await after.Content.ReadAsStringAsync()).Should().NotContain("7.37");
    }

    [Fact]
    public async Task DemotedAdministrator_WithTheCookieIssuedBefore_CannotCreateAnAdministrator()
    {
        using var app = new DashboardFactory();
        var email = await app.CreateUserAsync(Roles.Administrator);
        using var demoted = app.NewClient();
        using var signedIn = await demoted.SignInAsync(email, Accounts.Password);
        var token = await Accounts.AntiforgeryTokenAsync(demoted, "/admin/users");
        using var otherAdmin = await app.ClientAsAsync(Roles.Administrator);
        using var demotion = await otherAdmin.PostFormAsync("/admin/users", "/admin/users?handler=Role",
            new() { ["id"] = await UserIdAsync(app, email), ["role"] = Roles.Commissioner });
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["NewEmail"] = "intruder@example.nhs.uk",
            ["NewRole"] = Roles.Administrator,
            ["NewPassword"] = Accounts.Password,
            ["__RequestVerificationToken"] = token,
        });

        using var attempt = await demoted.PostAsync(new Uri("/admin/users?handler=Create", UriKind.Relative), form);

        demotion.StatusCode.Should().Be(HttpStatusCode.Redirect);
        attempt.StatusCode.Should().Be(HttpStatusCode.Redirect);
        new Uri(demoted.BaseAddress!, attempt.Headers.Location!).AbsolutePath.Should().Be(SignInPath);
        (await FindUserAsync(app, "intruder@example.nhs.uk")).Should().BeNull();
    }

    [Fact]
    public async Task SignedOutCookie_ReplayedByAnotherClient_IsAnonymous()
    {
        using var app = new DashboardFactory();
        var email = await app.CreateUserAsync(Roles.Administrator);
        using var client = app.NewClient();
        using var signedIn = await client.SignInAsync(email, Accounts.Password);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("lcs.auth=", StringComparison.Ordinal)).Split(';')[0];
        using var replay = app.NewClient();
        replay.DefaultRequestHeaders.Add("Cookie", cookie);
        using var beforeSignOut = await replay.GetAsync(new Uri("/admin", UriKind.Relative));

        using var signedOut = await client.PostFormAsync("/", "/account/sign-out", []);
        using var afterSignOut = await replay.GetAsync(new Uri("/admin", UriKind.Relative));

        beforeSignOut.StatusCode.Should().Be(HttpStatusCode.OK);
        signedOut.StatusCode.Should().Be(HttpStatusCode.Redirect);
        afterSignOut.StatusCode.Should().Be(HttpStatusCode.Redirect);
        new Uri(replay.BaseAddress!, afterSignOut.Headers.Location!).AbsolutePath.Should().Be(SignInPath);
    }

    private static async Task<string> UserIdAsync(DashboardFactory app, string email) =>
        (await FindUserAsync(app, email))!.Id;

    private static async Task<IdentityUser?> FindUserAsync(DashboardFactory app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>().FindByEmailAsync(email);
    }
}
