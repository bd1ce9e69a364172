namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>Only for the OpenAPI document: the shape of every error response (RFC 9457).</summary>
internal sealed record Problem(string Type, string Title, int Status, string Detail, string? Instance, string? TraceId,
    IReadOnlyList<InvalidParam>? InvalidParams);
