using IdoPlatform.BuildingBlocks.EventStore;

namespace IdoPlatform.Offers.Features.Organisations;

public static class OrganisationDecisions
{
    public static Decision Register(Organisation? existing, Guid id, string number, OrganisationFacts facts) =>
        existing is not null
            ? Decision.Reject($"Organisatie {id} bestaat al.")
            : Decision.Accept(new OrganisationRegistered(id, number, facts));

    /// <summary>Unchanged facts append nothing, so a repeated PUT is harmless.</summary>
    public static Decision Change(Organisation current, OrganisationFacts facts) =>
        current.Facts == facts ? Decision.Unchanged : Decision.Accept(new OrganisationChanged(current.Id, facts));
}
