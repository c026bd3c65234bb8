namespace LutonCancerSurvey.Web.Access;

public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Commissioner = "Commissioner";

    public static readonly IReadOnlyList<string> All = [Administrator, Commissioner];
}
