using System.Globalization;
using IdoPlatform.Web.Platform;

namespace IdoPlatform.Web.Finder;

/// <summary>The offers service's public reads the finder pages need: IDO locations near a place, one location, and
/// the published offers at a location with their next dates.</summary>
public sealed class OffersDirectory(PlatformApi api)
{
    /// <summary>How far the public finder looks around a postcode.</summary>
    public const int RadiusMeters = 50_000;

    public async Task<(IReadOnlyList<PublicLocationHitDto> Locations, IReadOnlyList<PublicOfferHitDto> Offers, ApiAnswer Answer)> NearAsync(
        SearchPlace place, int count, CancellationToken ct)
    {
        var postcode = Uri.EscapeDataString(place.Postcode);
        var locations = await api.GetAsync(PlatformApi.Offers,
            $"offers/v1/locations?postcode={postcode}&radius={RadiusMeters}&hasIdo=true&pageSize={count}", ct);
        if (!locations.IsSuccess)
            return ([], [], locations);
        var offers = await api.GetAsync(PlatformApi.Offers, $"offers/v1/offers?postcode={postcode}&radius={RadiusMeters}&pageSize=100", ct);
        return (locations.Read<Paged<PublicLocationHitDto>>().Items,
            offers.IsSuccess ? offers.Read<Paged<PublicOfferHitDto>>().Items : [], locations);
    }

    public async Task<(PublicLocationDto? Location, ApiAnswer Answer)> LocationAsync(string locationId, CancellationToken ct)
    {
        var answer = await api.GetAsync(PlatformApi.Offers, $"offers/v1/locations/{Uri.EscapeDataString(locationId)}", ct);
        return (answer.IsSuccess ? answer.Read<PublicLocationDto>() : null, answer);
    }

    /// <summary>The published offers held at the location (searched around its own point; only offers listing it).</summary>
    public async Task<IReadOnlyList<PublicOfferHitDto>> OffersAtAsync(PublicLocationDto location, CancellationToken ct)
    {
        var lat = location.Coordinates.Latitude.ToString(CultureInfo.InvariantCulture);
        var lon = location.Coordinates.Longitude.ToString(CultureInfo.InvariantCulture);
        var answer = await api.GetAsync(PlatformApi.Offers, $"offers/v1/offers?lat={lat}&lon={lon}&radius=1&pageSize=100", ct);
        return answer.IsSuccess
            ? answer.Read<Paged<PublicOfferHitDto>>().Items.Where(h => h.Offer.LocationIds.Contains(location.LocationId)).ToList()
            : [];
    }
}
