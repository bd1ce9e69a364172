using IdoPlatform.Offers.Features.OfferTypes;

namespace IdoPlatform.Offers.Features.DefineOfferType;

/// <summary>A new offer type: its <c>code</c> (lower case, with hyphens), name, description and the defaults its offers start from.</summary>
public sealed record DefineOfferTypeRequest : OfferTypeRequest;
