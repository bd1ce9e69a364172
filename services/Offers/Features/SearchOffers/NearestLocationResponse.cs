namespace IdoPlatform.Offers.Features.SearchOffers;

/// <summary>Where the offer is nearest to the searched point.</summary>
public sealed record NearestLocationResponse(string LocationId, string Name, string City, string Postcode);
