namespace LutonCancerSurvey.Web.Access;

/// <summary>
/// Whether the e-mail an identity provider asserts is the address an administrator invited. Identity finds accounts
/// by a normalised address (Unicode normalisation and upper-casing), under which look-alikes such as "jſmith" (long s)
/// or "Kate" with a Kelvin sign become "JSMITH" and "KATE": good enough to find a candidate, never to hand someone
/// else's invitation to whoever controls the look-alike at the provider.
/// </summary>
public static class InvitedAddress
{
    /// <summary>
    /// The same characters in the same order, where only ASCII letters may differ in case (mail systems treat
    /// "JSmith@Example.nhs.uk" and "jsmith@example.nhs.uk" alike; no other folding is safe to assume).
    /// </summary>
    public static bool Matches(string? invited, string? asserted)
    {
        if (invited is null || asserted is null || invited.Length != asserted.Length)
        {
            return false;
        }

        for (var i = 0; i < invited.Length; i++)
        {
            var a = invited[i];
            var b = asserted[i];
            if (a != b && !(char.IsAsciiLetter(a) && char.IsAsciiLetter(b) && (a | 0x20) == (b | 0x20)))
            {
                return false;
            }
        }

        return true;
    }
}
