using System.Reflection;
using LutonCancerSurvey.Core.Data;
using NetArchTest.Rules;

namespace LutonCancerSurvey.Core.Tests.Architecture;

/// <summary>
/// The core library's folders form layers: Domain at the bottom, Statistics and Formatting on it, Findings on those,
/// Queries and Import above. A cycle between two folders means neither can be read, changed or tested alone, which is
/// how the findings once came to depend on the page queries that feed them.
/// </summary>
public class NamespaceDependencyTests
{
    private const string Root = "LutonCancerSurvey.Core";
    private static readonly Assembly Core = typeof(SurveyDbContext).Assembly;

    [Fact]
    public void CoreNamespaces_DependOnEachOther_WithoutCycles()
    {
        var graph = DependencyGraph();

        var cycle = FindCycle(graph);

        graph.Keys.Should().Contain(["Domain", "Statistics", "Formatting", "Findings", "Queries", "Import", "Data"]);
        cycle.Should().BeEmpty("a cycle was found: {0}", string.Join(" -> ", cycle));
    }

    [Fact]
    public void Findings_DoNotDependOnQueries()
    {
        var result = Types.InAssembly(Core).That().ResideInNamespace($"{Root}.Findings")
            .ShouldNot().HaveDependencyOn($"{Root}.Queries").GetResult();

        (result.FailingTypeNames ?? []).Should().BeEmpty();
    }

    [Theory]
    [InlineData("Statistics")]
    [InlineData("Formatting")]
    public void PureLayers_DependOnDomainOnly(string layer)
    {
        var others = DependencyGraph()[layer];

        others.Should().BeSubsetOf(["Domain"]);
    }

    [Fact]
    public void FindCycle_InAGraphWithOne_NamesItsNamespaces()
    {
        var graph = new Dictionary<string, IReadOnlySet<string>>
        {
            ["Domain"] = new HashSet<string>(),
            ["Findings"] = new HashSet<string> { "Domain", "Queries" },
            ["Queries"] = new HashSet<string> { "Domain", "Findings" },
        };

        var cycle = FindCycle(graph);

        cycle.Should().Equal("Findings", "Queries", "Findings");
    }

    [Fact]
    public void FindCycle_InALayeredGraph_FindsNone()
    {
        var graph = new Dictionary<string, IReadOnlySet<string>>
        {
            ["Domain"] = new HashSet<string>(),
            ["Findings"] = new HashSet<string> { "Domain" },
            ["Queries"] = new HashSet<string> { "Domain", "Findings" },
        };

        FindCycle(graph).Should().BeEmpty();
    }

    /// <summary>Each top-level namespace under the core library's root, and the others its types use.</summary>
    private static Dictionary<string, IReadOnlySet<string>> DependencyGraph()
    {
        var layers = Core.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(n => n.StartsWith(Root + ".", StringComparison.Ordinal))
            .Select(n => n[(Root.Length + 1)..].Split('.')[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return layers.ToDictionary(
            layer => layer,
            layer => (IReadOnlySet<string>)layers
                .Where(other => other != layer && Types.InAssembly(Core).That().ResideInNamespace($"{Root}.{layer}")
                    .And().HaveDependencyOn($"{Root}.{other}").GetTypes().Any())
                .ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    /// <summary>A path that returns to where it started (its first name repeated at the end), or empty if there is none.</summary>
    private static IReadOnlyList<string> FindCycle(IReadOnlyDictionary<string, IReadOnlySet<string>> graph)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();

        IReadOnlyList<string>? Visit(string node)
        {
            var onPath = path.IndexOf(node);
            if (onPath >= 0)
            {
                return [.. path[onPath..], node];
            }

            if (!done.Add(node))
            {
                return null;
            }

            path.Add(node);
            var edges = graph.TryGetValue(node, out var found) ? found : new HashSet<string>();
            foreach (var next in edges.Order(StringComparer.Ordinal))
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        return graph.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(c => c is not null) ?? [];
    }
}
