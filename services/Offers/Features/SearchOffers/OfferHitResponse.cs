using IdoPlatform.Offers.Features.Offers;

namespace IdoPlatform.Offers.Features.SearchOffers;

/// <summary>One hit of an offer search: the offer, and (when the search had a point) its nearest location and distance;
/// <c>nextOccurrences</c>: the next dates it takes place from today (Dutch time), at most <see cref="NextDatesShown"/>.</summary>
public sealed record OfferHitResponse(int? DistanceMeters, NearestLocationResponse? NearestLocation, OfferResponse Offer, IReadOnlyList<DateOnly> NextOccurrences)
{
    public const int NextDatesShown = 3;
}
