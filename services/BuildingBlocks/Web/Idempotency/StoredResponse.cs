namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>What the first request with an Idempotency-Key answered, to answer its retries the same.</summary>
public sealed record StoredResponse(int StatusCode, string? Location, string? ETag, string? ContentType, byte[] Body);

/// <summary>Who sent the key and where: a key only means something for one caller and one route.</summary>
public sealed record IdempotencyScope(string Account, string Route, string Key);

public enum IdempotencyOutcome
{
    /// <summary>First time: the handler ran and its answer was stored (when successful).</summary>
    Executed,
    /// <summary>Seen before: this is the stored answer of the first request.</summary>
    Replayed,
    /// <summary>The key was used before for a different request body: refused with 422.</summary>
    KeyReused,
}

public sealed record IdempotencyResult(IdempotencyOutcome Outcome, StoredResponse? Response);
