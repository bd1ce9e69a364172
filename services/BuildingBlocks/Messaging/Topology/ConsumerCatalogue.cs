using IdoPlatform.Contracts.Queues;

namespace IdoPlatform.BuildingBlocks.Messaging.Topology;

/// <summary>The consumer endpoints this process knows of: <see cref="ConsumerEndpoints.All"/> unless a
/// test or tool supplies its own.</summary>
public sealed class ConsumerCatalogue(IReadOnlyList<ConsumerEndpoint> endpoints)
{
    public IReadOnlyList<ConsumerEndpoint> Endpoints { get; } = Validate(endpoints);

    static IReadOnlyList<ConsumerEndpoint> Validate(IReadOnlyList<ConsumerEndpoint> endpoints)
    {
        var duplicate = endpoints.GroupBy(e => e.QueueName).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"Consumer queue '{duplicate.Key}' is listed twice in the catalogue.");
        return endpoints;
    }
}
