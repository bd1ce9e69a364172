using IdoPlatform.BuildingBlocks.Domain;
using System.Globalization;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Contracts.Codes;
using IdoPlatform.Contracts.Offers;
using IdoPlatform.BuildingBlocks.Geo;
using IdoPlatform.Referrals.Hosting;
using IdoPlatform.Referrals.Replica;
using Microsoft.Extensions.Options;

namespace IdoPlatform.Referrals.Features.NearestLocations;

public sealed record OpeningPeriodResponse(string Opens, string Closes);

public sealed record AddressResponse(string Street, int HouseNumber, string? HouseLetter, string? HouseNumberAddition,
    string Postcode, string City);

public sealed record MatchingOfferResponse(Guid OfferId, string Title, string Format, string OfferTypeCode,
    bool WalkIn, IReadOnlyList<string> Themes, IReadOnlyList<string> Agencies);

public sealed record ReferralLocationResponse(
    string LocationId,
    string Name,
    Guid OrganisationId,
    string OrganisationName,
    AddressResponse Address,
    string MunicipalityCode,
    string MunicipalityName,
    string Province,
    int DistanceMeters,
    /// <summary>Where the location is (WGS84), for a map beside the list.</summary>
    double Latitude,
    double Longitude,
    /// <summary>The opening periods on the requested day's weekday.</summary>
    IReadOnlyList<OpeningPeriodResponse> OpeningHours,
    IReadOnlyList<MatchingOfferResponse> MatchingOffers);

public sealed record ReferralLocationsResponse(string Postcode, DateOnly OpenOn, string? Topic, IReadOnlyList<ReferralLocationResponse> Locations);

public static class ReferralLocationEndpoints
{
    public const int DefaultLimit = 5;

    public static void MapReferralLocations(this RouteGroupBuilder api) =>
        api.MapGet("/referral-locations", async Task<IResult> (string? postcode, string? topic, string? openOn, string? limit,
                HttpContext http, Pc4Lookup centroids, ReplicaQueries replica, TimeProvider clock,
                IOptions<ReferralsOptions> options, CancellationToken ct) =>
            {
                var caller = Caller.From(http.User);
                if (!caller.IsAgencyAccount && !caller.IsDesk) return Problems.Forbidden();

                // Every query parameter is checked before answering, so all bad ones are named at once.
                var v = new Validator();
                var compact = DutchPostcode.Normalize(postcode);
                GeoPoint? origin = null;
                if (v.Required("postcode", postcode)
                    && v.Check(compact is not null, "postcode", InvalidParamCodes.Invalid, "Een postcode als 2311EZ."))
                {
                    if (!centroids.IsAvailable)
                        v.Add("postcode", "unavailable", centroids.Problem!);
                    else if ((origin = centroids.Find(DutchPostcode.Pc4(compact!))) is null)
                        v.Add("postcode", InvalidParamCodes.Unknown, $"Postcodegebied {DutchPostcode.Pc4(compact!)} is onbekend.");
                }
                if (topic is not null) v.OneOf("topic", topic, Topics.All);

                var day = DutchCalendar.Today(clock);
                if (openOn is not null && v.Check(
                        DateOnly.TryParseExact(openOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed),
                        "openOn", InvalidParamCodes.Invalid, "Een datum als 2026-12-03."))
                    day = parsed;

                var max = options.Value.MaxLookupLimit;
                var count = DefaultLimit;
                if (limit is not null && v.Check(int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out count),
                        "limit", InvalidParamCodes.Invalid, "Een geheel getal."))
                    v.Range("limit", count, 1, max);
                if (v.HasErrors) return v.Problem();

                var candidates = await replica.IdoLocationsNotClosedOn(day, ct);
                var nearest = NearestLocations.Nearest(origin!.Value, day, count, candidates);
                var offers = await replica.PublishedOffersAt(nearest.Select(n => n.Location.LocationId).ToList(), ct);
                var described = NearestLocations.Describe(nearest, day, topic, offers);
                return Results.Ok(new ReferralLocationsResponse(compact!, day, topic, described.Select(ToResponse).ToList()));
            })
            .RequireAuthorization()
            .WithTags("Verwijslocaties")
            .WithName("findReferralLocations")
            .WithSummary("De dichtstbijzijnde IDO-locaties die op een dag open zijn, met passend aanbod")
            .WithDescription("Uit de lokale kopie van locaties en aanbod (geen aanroep van de aanbod-dienst). " +
                "postcode: verplicht (1234AB); topic: onderwerpcode voor het passende aanbod; " +
                "openOn: datum (standaard vandaag); limit: 1 tot en met het ingestelde maximum (standaard 5).")
            .Produces<ReferralLocationsResponse>();

    private static ReferralLocationResponse ToResponse(NearbyLocation n)
    {
        var l = n.Location;
        return new ReferralLocationResponse(l.LocationId, l.Name, l.OrganisationId, l.OrganisationName,
            new AddressResponse(l.Address.Street, l.Address.HouseNumber, l.Address.HouseLetter, l.Address.HouseNumberAddition,
                l.Address.Postcode, l.Address.City),
            l.MunicipalityCode, l.MunicipalityName, l.Province, n.DistanceMeters, l.Latitude, l.Longitude,
            n.OpeningHoursOnDay.Select(p => new OpeningPeriodResponse(p.Opens.ToString("HH:mm"), p.Closes.ToString("HH:mm"))).ToList(),
            n.MatchingOffers.Select(ToResponse).ToList());
    }

    private static MatchingOfferResponse ToResponse(OfferDetails o) =>
        new(o.OfferId, o.Title, o.Format, o.OfferTypeCode, o.WalkIn, o.Themes, o.Agencies);
}
