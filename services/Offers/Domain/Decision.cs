namespace IdoPlatform.Offers.Domain;

/// <summary>
/// The outcome of a pure decision: the events to append (none when nothing changes), or a rejection
/// because the command does not fit the current state (answered as 409).
/// </summary>
public sealed record Decision(IReadOnlyList<object> Events, string? Rejection)
{
    public static Decision Accept(params object[] events) => new(events, null);
    public static Decision Unchanged { get; } = new([], null);
    public static Decision Reject(string reason) => new([], reason);

    public bool IsRejected => Rejection is not null;
}
