using IdoPlatform.BuildingBlocks.Domain;
using System.Globalization;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Contracts.Codes;
using IdoPlatform.Contracts.Offers;
using IdoPlatform.BuildingBlocks.Geo;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Referrals.Replica;
using Microsoft.Extensions.Options;

namespace IdoPlatform.Referrals.Features.NearestLocations;

public static class NearestLocationsEndpoint
{
    public const int DefaultLimit = 5;

    public static void Map(RouteGroupBuilder api) => api
        .MapGet("/referral-locations", Handle)
        .RequireRoles(Roles.Agency, Roles.Desk)
        .WithTags("Verwijslocaties")
        .WithName("findReferralLocations")
        .WithSummary("De dichtstbijzijnde IDO-locaties die op een dag open zijn, met passend aanbod")
        .WithDescription("Uit de lokale kopie van locaties en aanbod (geen aanroep van de aanbod-dienst). " +
            "postcode: verplicht, een postcode (1234AB) of alleen het postcodegebied (1234): gezocht wordt vanuit het midden van het gebied; topic: onderwerpcode voor het passende aanbod; " +
            "openOn: datum (standaard vandaag); limit: 1 tot en met het ingestelde maximum (standaard 5).")
        .Produces<ReferralLocationsResponse>();

    private static async Task<IResult> Handle(string? postcode, string? topic, string? openOn, string? limit,
        HttpContext http, Pc4Lookup centroids, ReplicaQueries replica, TimeProvider clock, IOptions<ReferralsOptions> options)
    {
        var ct = http.RequestAborted;
        // Every query parameter is checked before answering, so all bad ones are named at once.
        var v = new Validator();
        GeoPoint? origin = null;
        var area = "";
        if (v.Required("postcode", postcode) && v.Check(DutchPostcode.TryPc4(postcode, out area), "postcode",
                InvalidParamCodes.Invalid, "Een postcode als 2311EZ, of alleen het postcodegebied: 2311."))
        {
            if (!centroids.IsAvailable)
                v.Add("postcode", "unavailable", centroids.Problem!);
            else if ((origin = centroids.Find(area)) is null)
                v.Add("postcode", InvalidParamCodes.Unknown, $"Postcodegebied {area} is onbekend.");
        }
        if (topic is not null) v.OneOf("topic", topic, Topics.All);

        var day = DutchCalendar.Today(clock);
        if (openOn is not null && v.Check(
                DateOnly.TryParseExact(openOn, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed),
                "openOn", InvalidParamCodes.Invalid, "Een datum als 2026-12-03.") && v.Date("openOn", parsed))
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
        return Results.Ok(new ReferralLocationsResponse(DutchPostcode.Normalize(postcode) ?? area, day, topic, described.Select(ToResponse).ToList()));
    }

    private static ReferralLocationResponse ToResponse(NearbyLocation n)
    {
        var l = n.Location;
        return new ReferralLocationResponse(l.LocationId, l.Name, l.OrganisationId, l.OrganisationName,
            AddressResponse.From(l.Address),
            l.MunicipalityCode, l.MunicipalityName, l.Province, n.DistanceMeters, l.Latitude, l.Longitude,
            n.OpeningHoursOnDay.Select(p => new OpeningPeriodResponse(p.Opens.ToString("HH:mm"), p.Closes.ToString("HH:mm"))).ToList(),
            n.MatchingOffers.Select(ToResponse).ToList());
    }

    private static MatchingOfferResponse ToResponse(OfferDetails o) =>
        new(o.OfferId, o.Title, o.Format, o.OfferTypeCode, o.WalkIn, o.Themes, o.Agencies);
}
