namespace IdoPlatform.BuildingBlocks.Web;

public sealed class IdempotencyOptions
{
    /// <summary>How long a key is remembered; a retry after that runs again.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a retry waits for an identical request still in progress before it gives up
    /// with 409 and Retry-After.</summary>
    public TimeSpan WaitForInProgress { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest accepted Idempotency-Key.</summary>
    public int MaxKeyLength { get; set; } = 255;
}
