namespace IdoPlatform.Offers.Features.Organisations;

/// <summary>Name, kind and visibility: what an organisation declares about itself.</summary>
public sealed record OrganisationFacts(string Name, string Kind, bool Visible);

/// <param name="Number">Six digits, the middle part of the ids of the organisation's locations.</param>
public sealed record OrganisationRegistered(Guid OrganisationId, string Number, OrganisationFacts Facts);

public sealed record OrganisationChanged(Guid OrganisationId, OrganisationFacts Facts);
