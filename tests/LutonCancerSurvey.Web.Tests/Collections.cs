namespace LutonCancerSurvey.Web.Tests;

// xunit finds a collection's definition only in the assembly of the tests that use it, so these stay here while
// their fixtures live in LutonCancerSurvey.TestSupport.

[CollectionDefinition(Name)]
public sealed class RealDataGroup : ICollectionFixture<RealDataDashboard>
{
    public const string Name = "Dashboard with the real data";
}

[CollectionDefinition(Name)]
public sealed class OidcGroup : ICollectionFixture<OidcProviderFixture>
{
    public const string Name = "A real OpenID Connect provider";
}
