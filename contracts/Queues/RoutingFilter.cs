namespace IdoPlatform.Contracts.Queues;

/// <summary>
/// Lets the broker hand a queue only the messages its consumer acts on. Every publisher puts <see cref="Header"/>
/// on each message <see cref="Applies"/> to, and the queue is bound through a headers exchange that passes only
/// messages carrying it: the broker then stores, delivers and acknowledges nothing the consumer would throw away.
/// </summary>
/// <param name="Header">The message header, e.g. <c>Ido-Referral-Code</c>.</param>
/// <param name="Applies">Whether a message (of one of the endpoint's types) gets the header.</param>
public sealed record RoutingFilter(string Header, Func<object, bool> Applies)
{
    /// <summary>The header's value on a message it applies to (a message it does not apply to goes without it).</summary>
    public const string Present = "yes";
}
