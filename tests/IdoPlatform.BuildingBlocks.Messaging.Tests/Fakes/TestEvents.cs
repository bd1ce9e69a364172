namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Fakes
{
    /// <summary>Domain events of the test "box office" service.</summary>
    public sealed record Sold(int Number);

    /// <summary>A domain event without an integration message: the relay skips it.</summary>
    public sealed record NoteTaken(string Text);

    /// <summary>The box office's stream: a show and how many events it has seen.</summary>
    public sealed record Show(Guid Id, int Events)
    {
        public static Show? Evolve(Show? show, object e) => (show ?? new Show(Guid.Empty, 0)) with { Events = (show?.Events ?? 0) + 1 };
    }
}

// Integration messages live in their own namespace, as in contracts/: MassTransit names the exchange after it.
namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Contracts
{
    public sealed record TicketSold(Guid ShowId, int Number);
}
