using IdoPlatform.Offers.Features.Organisations;

namespace IdoPlatform.Offers.Features.ChangeOrganisation;

/// <summary>Name, kind and visibility as they should be; <c>number</c>, if sent, must be the organisation's own.</summary>
public sealed record ChangeOrganisationRequest : OrganisationRequest;
