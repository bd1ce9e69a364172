using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Offers.Common;

namespace IdoPlatform.Offers.Features.Offers;

public static class OfferDecisions
{
    public static Decision Draft(Offer? existing, Guid offerId, Guid organisationId, OfferContent content) =>
        existing is not null
            ? Decision.Reject($"Aanbod {offerId} bestaat al.")
            : Decision.Accept(new OfferDrafted(offerId, organisationId, content));

    /// <summary>A published offer may change (referrers hear of it); a withdrawn one is final.</summary>
    public static Decision Change(Offer current, OfferContent content)
    {
        if (current.Status == OfferStatus.Withdrawn) return Decision.Reject("Ingetrokken aanbod kan niet meer worden gewijzigd.");
        return ValueEquality.Same(current.Content, content)
            ? Decision.Unchanged
            : Decision.Accept(new OfferChanged(current.OfferId, current.OrganisationId, content, current.Status == OfferStatus.Published));
    }

    /// <param name="closedLocations">Those of the offer's locations that have closed since it was written.</param>
    public static Decision Publish(Offer current, DateOnly today, IReadOnlyCollection<string> closedLocations)
    {
        if (current.Status == OfferStatus.Withdrawn) return Decision.Reject("Ingetrokken aanbod kan niet opnieuw worden gepubliceerd.");
        if (current.Status == OfferStatus.Published) return Decision.Unchanged;
        if (closedLocations.Count > 0)
            return Decision.Reject($"Deze locaties zijn gesloten: {string.Join(", ", closedLocations)}.");
        if (current.Content.ValidTo is { } validTo && validTo < today)
            return Decision.Reject($"Het aanbod gold tot en met {DutchCalendar.Text(validTo)} en is verlopen.");
        return Decision.Accept(new OfferPublished(current.OfferId, current.OrganisationId, current.Content));
    }

    public static Decision Withdraw(Offer current, string? reason) =>
        current.Status == OfferStatus.Withdrawn
            ? Decision.Unchanged
            : Decision.Accept(new OfferWithdrawn(current.OfferId, current.OrganisationId, reason, current.Status == OfferStatus.Published));
}
