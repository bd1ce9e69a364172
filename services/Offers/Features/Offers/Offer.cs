namespace IdoPlatform.Offers.Features.Offers;

public static class OfferStatus
{
    public const string Draft = "draft";
    public const string Published = "published";
    public const string Withdrawn = "withdrawn";
}

/// <summary>An offer (aanbod) as folded from its stream: draft → published → withdrawn.</summary>
public sealed record Offer(Guid OfferId, Guid OrganisationId, OfferContent Content, string Status)
{
    public const string StreamType = "offer";

    public static Offer? Evolve(Offer? state, object @event) => @event switch
    {
        OfferDrafted e => new Offer(e.OfferId, e.OrganisationId, e.Content, OfferStatus.Draft),
        OfferChanged e when state is not null => state with { Content = e.Content },
        OfferPublished when state is not null => state with { Status = OfferStatus.Published },
        OfferWithdrawn when state is not null => state with { Status = OfferStatus.Withdrawn },
        _ => state,
    };
}
