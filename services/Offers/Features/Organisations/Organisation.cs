namespace IdoPlatform.Offers.Features.Organisations;

/// <summary>A library organisation or partner, as folded from its stream.</summary>
public sealed record Organisation(Guid Id, string Number, OrganisationFacts Facts)
{
    public const string StreamType = "organisation";

    public static Organisation? Evolve(Organisation? state, object @event) => @event switch
    {
        OrganisationRegistered e => new Organisation(e.OrganisationId, e.Number, e.Facts),
        OrganisationChanged e when state is not null => state with { Facts = e.Facts },
        _ => state,
    };
}
