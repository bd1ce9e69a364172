using IdoPlatform.Offers.Features.Offers;

namespace IdoPlatform.Offers.Features.DraftOffer;

/// <summary>A new draft offer of <c>organisationId</c> (default: the caller's organisation).</summary>
public sealed record DraftOfferRequest : OfferRequest;
