using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Offers.Common;

namespace IdoPlatform.Offers.Features.OfferTypes;

public static class OfferTypeDecisions
{
    public static Decision Define(OfferType? existing, string code, string name, string description, OfferDefaults defaults) =>
        existing is not null
            ? Decision.Reject($"Aanbodsoort '{code}' bestaat al; wijzig haar om een nieuwe versie te maken.")
            : Decision.Accept(new OfferTypeDefined(code, new OfferTypeDefinition(1, name, description, defaults)));

    /// <summary>A revision with nothing new makes no version, so re-seeding the same file is harmless.</summary>
    public static Decision Revise(OfferType current, string name, string description, OfferDefaults defaults)
    {
        var next = new OfferTypeDefinition(current.Current.Version + 1, name, description, defaults);
        return ValueEquality.Same(current.Current with { Version = next.Version }, next)
            ? Decision.Unchanged
            : Decision.Accept(new OfferTypeRevised(current.Code, next));
    }
}
