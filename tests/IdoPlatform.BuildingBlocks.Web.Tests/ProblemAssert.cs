using System.Net;
using System.Text.Json;

namespace IdoPlatform.BuildingBlocks.Web.Tests;

internal static class ProblemAssert
{
    /// <summary>Asserts an RFC 9457 problem with the status, a title and a detail; returns its body.</summary>
    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }

    /// <summary>The (name, code) pairs of the invalidParams extension.</summary>
    public static IReadOnlyList<(string Name, string Code)> InvalidParams(JsonElement problem) =>
        problem.GetProperty("invalidParams").EnumerateArray()
            .Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("code").GetString()!))
            .ToList();
}
