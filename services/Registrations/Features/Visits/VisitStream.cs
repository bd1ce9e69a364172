using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Registrations.Common;

namespace IdoPlatform.Registrations.Features.Visits;

public static class VisitStream
{
    /// <summary>The visit and its version, or null when it does not exist or is another organisation's.</summary>
    public static async Task<(Visit Visit, long Version)?> LoadOwn(this IEventStore store, Guid id, CurrentAccount account,
        CancellationToken ct)
    {
        var loaded = await store.AggregateStream<Visit?>(id, null, Visit.Evolve, ct);
        return loaded is { State: { } visit, Version: var version } && account.Owns(visit.Place.OrganisationId)
            ? (visit, version)
            : null;
    }
}
