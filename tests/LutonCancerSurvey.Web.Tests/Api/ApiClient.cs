using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace LutonCancerSurvey.Web.Tests.Api;

/// <summary>A GET against the app, with the status, media type and parsed JSON body.</summary>
public sealed record ApiResponse(int Status, string? MediaType, JsonElement Body)
{
    public static async Task<ApiResponse> GetAsync<TEntryPoint>(WebApplicationFactory<TEntryPoint> app, string url)
        where TEntryPoint : class
    {
        ArgumentNullException.ThrowIfNull(app);
        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return new ApiResponse((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, document.RootElement.Clone());
    }

    /// <summary>The one result for a question label, e.g. "Q59".</summary>
    public JsonElement Result(string question) =>
        Body.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("question").GetString() == question);
}

public static class JsonAssertions
{
    public static IReadOnlyList<string> PropertyNames(this JsonElement element) =>
        element.EnumerateObject().Select(p => p.Name).ToList();

    public static void ShouldBeNull(this JsonElement element, params string[] properties)
    {
        foreach (var property in properties)
        {
            element.GetProperty(property).ValueKind.Should().Be(JsonValueKind.Null, $"'{property}' must be null");
        }
    }
}
