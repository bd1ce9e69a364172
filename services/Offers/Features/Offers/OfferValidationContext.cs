using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Features.OfferTypes;
using IdoPlatform.Offers.Storage;

namespace IdoPlatform.Offers.Features.Offers;

/// <summary>What the validation needs to know beyond the request: its offer type and locations, looked up.</summary>
/// <param name="OrganisationId">The offer's organisation, when known and valid.</param>
public sealed record OfferValidationContext(
    Guid? OrganisationId,
    OfferType? OfferType,
    IReadOnlyDictionary<string, Location> Locations)
{
    /// <summary>The offer type and the named locations, looked up so the validation itself stays pure.</summary>
    public static async Task<OfferValidationContext> LookUp(OfferRequest request, Guid? organisationId, LocationQueries locations,
        OfferTypeQueries offerTypes, CancellationToken ct)
    {
        var type = string.IsNullOrWhiteSpace(request.OfferType) ? null : (await offerTypes.Find(request.OfferType, ct))?.Type;
        var ids = (request.LocationIds ?? []).Where(LocationId.IsValid).Select(id => id!).Take(OfferRequest.MaxLocations + 1);
        return new OfferValidationContext(organisationId, type, await locations.FindMany(ids, ct));
    }
}
