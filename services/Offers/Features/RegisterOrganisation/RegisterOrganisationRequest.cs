using IdoPlatform.Offers.Features.Organisations;

namespace IdoPlatform.Offers.Features.RegisterOrganisation;

/// <summary>A new organisation; without <c>number</c> the next free one is taken.</summary>
public sealed record RegisterOrganisationRequest : OrganisationRequest;
