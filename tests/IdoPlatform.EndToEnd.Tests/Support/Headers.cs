namespace IdoPlatform.EndToEnd.Tests.Support;

public static class Headers
{
    public static IReadOnlyDictionary<string, string> IfMatch(ApiResponse withETag) =>
        new Dictionary<string, string> { ["If-Match"] = withETag.Header("ETag") ?? throw new Xunit.Sdk.XunitException($"No ETag in {withETag}") };

    public static IReadOnlyDictionary<string, string> IdempotencyKey(string key) =>
        new Dictionary<string, string> { ["Idempotency-Key"] = key };
}
