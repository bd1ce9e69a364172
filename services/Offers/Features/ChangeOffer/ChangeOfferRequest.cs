using IdoPlatform.Offers.Features.Offers;

namespace IdoPlatform.Offers.Features.ChangeOffer;

/// <summary>The offer as it should be; <c>organisationId</c>, if sent, must be its own organisation.</summary>
public sealed record ChangeOfferRequest : OfferRequest;
