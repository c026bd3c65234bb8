namespace LutonCancerSurvey.Web.Access;

public static class Policies
{
    public const string Administrator = "Administrator";
    public const string SignInRateLimit = "sign-in";
}
