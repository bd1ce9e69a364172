using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Offers.Common;

namespace IdoPlatform.Offers.Features.Locations;

public static class LocationDecisions
{
    public static Decision Register(Location? existing, string locationId, Guid organisationId, string organisationName,
        LocationFacts facts) =>
        existing is not null
            ? Decision.Reject($"Locatie-id {locationId} is al eens gebruikt; ids worden nooit hergebruikt.")
            : Decision.Accept(new LocationRegistered(locationId, organisationId, organisationName, facts));

    /// <summary>Unchanged facts append nothing, so a repeated PUT is harmless.</summary>
    public static Decision Change(Location current, string organisationName, LocationFacts facts)
    {
        if (current.IsClosed) return Decision.Reject($"Locatie {current.LocationId} is gesloten en kan niet meer worden gewijzigd.");
        return ValueEquality.Same(current.Facts, facts) && current.OrganisationName == organisationName
            ? Decision.Unchanged
            : Decision.Accept(new LocationChanged(current.LocationId, current.OrganisationId, organisationName, facts));
    }

    public static Decision Close(Location current, DateOnly closedOn, string? reason) =>
        current.IsClosed
            ? Decision.Reject($"Locatie {current.LocationId} is al gesloten op {DutchCalendar.Text(current.ClosedOn!.Value)}.")
            : Decision.Accept(new LocationClosed(current.LocationId, current.OrganisationId, closedOn, reason));
}
