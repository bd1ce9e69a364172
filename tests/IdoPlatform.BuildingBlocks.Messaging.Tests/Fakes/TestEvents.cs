namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Fakes
{
    /// <summary>Domain events of the test "box office" service.</summary>
    public sealed record Sold(int Number);

    /// <summary>A domain event without an integration message: the relay skips it.</summary>
    public sealed record NoteTaken(string Text);
}

// Integration messages live in their own namespace, as in contracts/: MassTransit names the exchange after it.
namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Contracts
{
    public sealed record TicketSold(Guid ShowId, int Number);
}
