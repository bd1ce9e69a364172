using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Offers.Features.Locations;
using Npgsql;

namespace IdoPlatform.Offers.Features.Organisations;

/// <summary>
/// Carries an organisation's name to its open locations. Every location event carries the organisation's
/// name, and that is how registrations, referrals and monitoring learn it; so after a rename each open location
/// gets a <see cref="LocationChanged"/> with the new name (its facts as they are).
/// </summary>
/// <remarks>Runs from the log rather than inside the rename's request: a rename is carried to every location
/// even when the process stops halfway (the batch is handed over again). It always takes the organisation's
/// name as it is now, so an old rename read again changes nothing, and a location that carries the name
/// already appends nothing.</remarks>
public sealed class OrganisationNameToLocations(IEventStore store, OrganisationQueries organisations, LocationQueries locations)
    : ISubscription
{
    private static readonly AppendContext Context = new("offers:organisation-name");

    public string Name => "offers-organisation-name-to-locations";

    public async Task Handle(IReadOnlyList<StoredEvent> batch, NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken ct)
    {
        foreach (var organisationId in batch.Select(e => e.Data).OfType<OrganisationChanged>().Select(e => e.OrganisationId).Distinct())
        {
            if (await organisations.Find(organisationId, ct) is not { Organisation.Name: var name }) continue;
            foreach (var locationId in await locations.OpenOf(organisationId, ct))
                await Carry(locationId, name, ct);
        }
    }

    private async Task Carry(string locationId, string organisationName, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var found = await store.AggregateStream<Location?>(LocationId.StreamId(locationId), null, Location.Evolve, ct);
            if (found is not { State: { } location, Version: var version }) return;
            var decision = LocationDecisions.Change(location, organisationName, location.Facts);
            if (decision.IsRejected || decision.Events.Count == 0) return; // closed meanwhile, or carries the name
            try
            {
                await store.Append(LocationId.StreamId(locationId), version, decision.Events, Context, ct);
                return;
            }
            catch (ConcurrencyException) when (attempt < 3)
            {
                // Changed by someone else just now: decide again on what it is now.
            }
        }
    }
}
