namespace IdoPlatform.Offers.Features.Organisations;

/// <param name="Number">Six digits; the middle part of the ids of this organisation's locations.</param>
public sealed record OrganisationView(Guid OrganisationId, string Number, string Name, string Kind, bool Visible);
