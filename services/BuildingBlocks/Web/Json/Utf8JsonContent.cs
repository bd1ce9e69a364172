using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>JSON between systems is UTF-8 (RFC 8259 §8.1): a body in any other charset is refused with a 415 rather
/// than transcoded or, for an unknown charset, failing inside the framework's binding.</summary>
public static class Utf8JsonContent
{
    /// <summary>Whether the request's charset, if it names one, is UTF-8.</summary>
    public static bool IsUtf8(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type)) return true;
        var charset = type.Charset.Value?.Trim('"') ?? "";
        return charset.Length == 0 || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
            || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }
}
