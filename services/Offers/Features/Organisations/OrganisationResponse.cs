namespace IdoPlatform.Offers.Features.Organisations;

/// <param name="Number">Six digits; the middle part of the ids of this organisation's locations.</param>
public sealed record OrganisationResponse(Guid OrganisationId, string Number, string Name, string Kind, bool Visible)
{
    public static OrganisationResponse From(Organisation o) => new(o.Id, o.Number, o.Facts.Name, o.Facts.Kind, o.Facts.Visible);
}
