using IdoPlatform.Offers.Features.OfferTypes;

namespace IdoPlatform.Offers.Features.ReviseOfferType;

/// <summary>The next version of an offer type; <c>code</c>, if sent, must be its own.</summary>
public sealed record ReviseOfferTypeRequest : OfferTypeRequest;
