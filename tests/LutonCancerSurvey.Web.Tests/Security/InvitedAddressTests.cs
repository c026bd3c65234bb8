using LutonCancerSurvey.Web.Access;

namespace LutonCancerSurvey.Web.Tests.Security;

/// <summary>The rule that decides whether a provider's e-mail is an invited address, on the first sign-in only.</summary>
public class InvitedAddressTests
{
    [Theory]
    [InlineData("jsmith@example.nhs.uk", "jsmith@example.nhs.uk")]
    [InlineData("jsmith@example.nhs.uk", "JSmith@Example.NHS.uk")]
    [InlineData("JSMITH@EXAMPLE.NHS.UK", "jsmith@example.nhs.uk")]
    [InlineData("jos\u00e9@example.nhs.uk", "jos\u00e9@example.nhs.uk")]
    public void Matches_TheSameAddressGiveOrTakeAsciiCase_IsTheInvitation(string invited, string asserted)
    {
        var matches = InvitedAddress.Matches(invited, asserted);

        matches.Should().BeTrue();
    }

    [Theory]
    [InlineData("jsmith@example.nhs.uk", "j\u017Fmith@example.nhs.uk")] // long s
    [InlineData("kate@example.nhs.uk", "\u212Aate@example.nhs.uk")] // Kelvin sign
    [InlineData("jsmith@example.nhs.uk", "\uFF4Asmith@example.nhs.uk")] // fullwidth j
    [InlineData("jos\u00e9@example.nhs.uk", "JOS\u00c9@example.nhs.uk")] // é in another case is not ASCII
    [InlineData("jos\u00e9@example.nhs.uk", "jose\u0301@example.nhs.uk")] // é spelled as e and a combining accent
    [InlineData("jsmith@example.nhs.uk", "jsmith@example.nhs.uk ")]
    [InlineData("j@example.nhs.uk", "J@example.nhs.uk\u0000")]
    [InlineData("a@example.nhs.uk", "a`example.nhs.uk")] // @ and ` differ by the ASCII case bit, but are not letters
    [InlineData("jsmith@example.nhs.uk", null)]
    [InlineData(null, "jsmith@example.nhs.uk")]
    public void Matches_ALookAlikeOrAnotherAddress_IsNoInvitation(string? invited, string? asserted)
    {
        var matches = InvitedAddress.Matches(invited, asserted);

        matches.Should().BeFalse();
    }
}
