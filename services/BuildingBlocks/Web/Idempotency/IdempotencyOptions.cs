namespace IdoPlatform.BuildingBlocks.Web;

public sealed class IdempotencyOptions
{
    /// <summary>How long a key is remembered; a retry after that runs again.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a retry waits for an identical request still in progress before it gives up
    /// with 409 and Retry-After. A little longer than <see cref="InProgressLease"/>, so a retry takes over a claim
    /// whose process died rather than giving up on it.</summary>
    public TimeSpan WaitForInProgress { get; set; } = TimeSpan.FromSeconds(12);

    /// <summary>How long a request may hold its key in progress before a retry takes it over: its process is taken to
    /// have died (killed mid-request, the gateway sends the retry to another instance). Short, so such a retry is
    /// answered well inside the gateway's timeout; safe, because a creating POST derives its id from the key, so a
    /// second run finds what the first one made.</summary>
    public TimeSpan InProgressLease { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest accepted Idempotency-Key.</summary>
    public int MaxKeyLength { get; set; } = 255;
}
