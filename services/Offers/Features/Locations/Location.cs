namespace IdoPlatform.Offers.Features.Locations;

/// <summary>A location as folded from its stream.</summary>
public sealed record Location(string LocationId, Guid OrganisationId, string OrganisationName, LocationFacts Facts, DateOnly? ClosedOn)
{
    public const string StreamType = "location";

    /// <summary>The stream's id, derived from the location id.</summary>
    public Guid Id => Locations.LocationId.StreamId(LocationId);

    public bool IsClosed => ClosedOn is not null;

    /// <summary>Shown to the public: open and not hidden by its organisation.</summary>
    public bool IsPubliclyVisible => !IsClosed && Facts.Visible;

    public static Location? Evolve(Location? state, object @event) => @event switch
    {
        LocationRegistered e => new Location(e.LocationId, e.OrganisationId, e.OrganisationName, e.Facts, null),
        LocationChanged e when state is not null => state with { Facts = e.Facts, OrganisationName = e.OrganisationName },
        LocationClosed e when state is not null => state with { ClosedOn = e.ClosedOn, Facts = state.Facts with { Visible = false } },
        _ => state,
    };
}
