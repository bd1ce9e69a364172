using IdoPlatform.BuildingBlocks.Messaging.Relay;
using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Features.Offers;
using Contract = IdoPlatform.Contracts.Offers;

namespace IdoPlatform.Offers.Relay;

/// <summary>
/// Domain events → the integration events in contracts/. Each message carries everything its consumers
/// need (no calls back); drafts and their changes stay inside the service.
/// </summary>
public static class OffersIntegrationEvents
{
    public static void Configure(IntegrationEventMap map) => map
        .Map<LocationRegistered, Contract.LocationRegistered>((e, s) =>
            new Contract.LocationRegistered(Details(e.LocationId, e.OrganisationId, e.OrganisationName, e.Facts), s.Metadata.Timestamp))
        .Map<LocationChanged, Contract.LocationChanged>((e, s) =>
            new Contract.LocationChanged(Details(e.LocationId, e.OrganisationId, e.OrganisationName, e.Facts), s.Metadata.Timestamp))
        .Map<LocationClosed, Contract.LocationClosed>((e, s) =>
            new Contract.LocationClosed(e.LocationId, e.OrganisationId, e.ClosedOn, s.Metadata.Timestamp))
        .Map<OfferPublished, Contract.OfferPublished>((e, s) =>
            new Contract.OfferPublished(Details(e.OfferId, e.OrganisationId, e.Content), s.Metadata.Timestamp))
        .Map<OfferChanged, Contract.OfferChanged>((e, s) =>
            e.WhilePublished ? new Contract.OfferChanged(Details(e.OfferId, e.OrganisationId, e.Content), s.Metadata.Timestamp) : null)
        .Map<OfferWithdrawn, Contract.OfferWithdrawn>((e, s) =>
            e.WasPublished ? new Contract.OfferWithdrawn(e.OfferId, e.OrganisationId, s.Metadata.Timestamp) : null);

    public static Contract.LocationDetails Details(string locationId, Guid organisationId, string organisationName, LocationFacts f) =>
        new(locationId,
            organisationId,
            organisationName,
            f.Name,
            f.Kind,
            new Contract.PostalAddress(f.Address.Street, f.Address.HouseNumber, f.Address.HouseLetter,
                f.Address.HouseNumberAddition, f.Address.Postcode, f.Address.City),
            f.Municipality.Code,
            f.Municipality.Name,
            f.Province,
            f.Coordinates.Latitude,
            f.Coordinates.Longitude,
            f.OpeningHours.Select(p => new Contract.OpeningPeriod(p.Day, p.Opens, p.Closes)).ToList(),
            f.Ido.HasIdo,
            f.Ido.OpenedOn,
            f.Ido.InsideLibrary,
            f.Visible);

    public static Contract.OfferDetails Details(Guid offerId, Guid organisationId, OfferContent c)
    {
        var exceptions = c.Schedule.Exceptions.ToHashSet();
        var sessionDates = c.Schedule.Sessions.Select(s => s.Date)
            .Where(d => !exceptions.Contains(d) && (c.ValidFrom is null || d >= c.ValidFrom) && (c.ValidTo is null || d <= c.ValidTo))
            .Distinct().Order().ToList();
        var recurringDays = c.Schedule.Recurrences.Select(r => r.Day).Distinct()
            .OrderBy(d => d == DayOfWeek.Sunday ? 7 : (int)d).ToList();
        return new Contract.OfferDetails(offerId, organisationId, c.LocationIds, c.OfferTypeCode, c.OfferTypeVersion, c.Title,
            c.Format, c.Themes, c.TargetGroups, c.WalkIn, c.Agencies, c.ValidFrom, c.ValidTo, recurringDays, sessionDates,
            ScheduleCalendar.Published(c.Schedule));
    }
}
