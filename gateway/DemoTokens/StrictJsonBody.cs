using System.Text.Json.Nodes;
using IdoPlatform.BuildingBlocks.Web;

namespace IdoPlatform.Gateway.DemoTokens;

/// <summary>Reads a small JSON body, or gives the problem to answer instead: not JSON in UTF-8 (RFC 8259 allows no
/// other charset) → 415; malformed, or a property name that is no valid text → 400; a field given twice → 400 naming
/// it, as the services answer.</summary>
internal static class StrictJsonBody
{
    public static async Task<(JsonNode? Body, ProblemResult? Problem)> ReadAsync(HttpContext http)
    {
        if (!http.Request.HasJsonContentType() || !Utf8JsonContent.IsUtf8(http.Request))
            return (null, Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Stuur de inhoud als application/json in UTF-8."));

        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        return JsonBody.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }
}
