using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LutonCancerSurvey.Web.Api;

/// <summary>One parameter of an endpoint, as the OpenAPI document states it.</summary>
public sealed record ApiParameter(string Name, string In, bool Required, string Type, string? Description);

/// <summary>One answer an endpoint can give: its status, what it means and its media types.</summary>
public sealed record ApiResponse(string Status, string? Description, IReadOnlyList<string> MediaTypes);

/// <summary>One operation of the API.</summary>
public sealed record ApiEndpoint(
    string Method, string Path, string? Summary, string? Description,
    IReadOnlyList<ApiParameter> Parameters, IReadOnlyList<ApiResponse> Responses)
{
    /// <summary>A fragment id for links to this endpoint.</summary>
    public string Anchor => (Method + Path).ToLowerInvariant().Replace('/', '-').Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal);
}

/// <summary>The API's reference for people, read from the very OpenAPI document served at /openapi/v1.json.</summary>
public sealed record ApiReferenceDocument(string Title, string? Description, string Version, IReadOnlyList<ApiEndpoint> Endpoints);

/// <summary>
/// Reads the OpenAPI document the app serves and turns it into records a page can show, so the human-readable
/// reference can never say something the machine-readable one does not. The page showing it is held in the public
/// page cache, so the document is read about once per data change.
/// </summary>
public sealed class ApiReference([FromKeyedServices("v1")] IOpenApiDocumentProvider documents)
{
    public async Task<ApiReferenceDocument> ReadAsync(CancellationToken cancellationToken)
    {
        var document = await documents.GetOpenApiDocumentAsync(cancellationToken);
        return Parse(await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken));
    }

    /// <summary>The reference from an OpenAPI 3.x document's JSON text.</summary>
    public static ApiReferenceDocument Parse(string json)
    {
        using var parsed = JsonDocument.Parse(json);
        var root = parsed.RootElement;
        var info = root.GetProperty("info");
        var endpoints = new List<ApiEndpoint>();
        if (root.TryGetProperty("paths", out var paths))
        {
            foreach (var path in paths.EnumerateObject())
            {
                foreach (var operation in path.Value.EnumerateObject())
                {
                    if (operation.Name is "parameters" or "summary" or "description" or "servers")
                    {
                        continue;
                    }

                    endpoints.Add(new ApiEndpoint(
                        operation.Name.ToUpperInvariant(),
                        path.Name,
                        Text(operation.Value, "summary"),
                        Text(operation.Value, "description"),
                        ParametersOf(operation.Value),
                        ResponsesOf(operation.Value)));
                }
            }
        }

        return new ApiReferenceDocument(
            Text(info, "title") ?? "API",
            Text(info, "description"),
            Text(info, "version") ?? string.Empty,
            endpoints);
    }

    private static List<ApiParameter> ParametersOf(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Select(p => new ApiParameter(
                Text(p, "name") ?? string.Empty,
                Text(p, "in") ?? string.Empty,
                p.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.True,
                p.TryGetProperty("schema", out var schema) ? TypeOf(schema) : string.Empty,
                Text(p, "description"))).ToList()
            : [];

    private static List<ApiResponse> ResponsesOf(JsonElement operation) =>
        operation.TryGetProperty("responses", out var responses)
            ? responses.EnumerateObject().Select(r => new ApiResponse(
                r.Name,
                Text(r.Value, "description"),
                r.Value.TryGetProperty("content", out var content) ? content.EnumerateObject().Select(c => c.Name).ToList() : [])).ToList()
            : [];

    /// <summary>A schema's type in words: "string", "integer", "string or null", or one of its enumerated values.</summary>
    private static string TypeOf(JsonElement schema)
    {
        if (schema.TryGetProperty("enum", out var values) && values.ValueKind == JsonValueKind.Array)
        {
            return "one of " + string.Join(", ", values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()));
        }

        if (!schema.TryGetProperty("type", out var type))
        {
            return string.Empty;
        }

        return type.ValueKind == JsonValueKind.Array
            ? string.Join(" or ", type.EnumerateArray().Select(t => t.GetString()))
            : type.GetString() ?? string.Empty;
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
