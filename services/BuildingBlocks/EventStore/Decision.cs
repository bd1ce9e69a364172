namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>
/// The one decision contract of every service: the events to append (none when nothing changes), a
/// rejection because the command does not fit the current state (answered as 409), or a reply the caller
/// settled before the domain was asked (a validation problem, a refusal of access), handed back untouched.
/// </summary>
public sealed record Decision(IReadOnlyList<object> Events, string? Rejection, object? Reply = null)
{
    public static Decision Accept(params object[] events) => new(events, null);
    public static Decision Accept(IReadOnlyList<object> events) => new(events, null);
    public static Decision Unchanged { get; } = new([], null);
    public static Decision Reject(string reason) => new([], reason);
    /// <summary>Stop with <paramref name="reply"/> (e.g. an HTTP result); nothing is appended.</summary>
    public static Decision Stop(object reply) => new([], null, reply);

    public bool IsRejected => Rejection is not null;
}
