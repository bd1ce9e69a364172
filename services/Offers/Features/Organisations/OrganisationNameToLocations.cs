using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Storage;
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
public sealed class OrganisationNameToLocations(EventStreams streams, OrganisationQueries organisations, LocationQueries locations)
    : ISubscription
{

    private static readonly AppendContext Context = new("offers:organisation-name");

    public static string Name => "offers-organisation-name-to-locations";

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

    /// <summary>Decided again on the location as it is now when someone changed it meanwhile: safe to repeat.</summary>
    private Task Carry(string locationId, string organisationName, CancellationToken ct) =>
        // Closed meanwhile (rejected) or carrying the name already (unchanged): nothing is appended.
        streams.Change<Location>(LocationId.StreamId(locationId),
            location => LocationDecisions.Change(location, organisationName, location.Facts), Context, ct, attempts: 3);
}
