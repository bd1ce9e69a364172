using IdoPlatform.Offers.Common;

namespace IdoPlatform.Offers.Features.OfferTypes;

/// <summary>An offer type with every version it has had; the last is current.</summary>
public sealed record OfferType(string Code, IReadOnlyList<OfferTypeDefinition> Versions)
{
    public const string StreamType = "offer-type";

    /// <summary>The stream's id, derived from the code.</summary>
    public Guid Id => StreamId(Code);

    public OfferTypeDefinition Current => Versions[^1];

    public OfferTypeDefinition? Version(int version) => Versions.FirstOrDefault(v => v.Version == version);

    public static Guid StreamId(string code) => StreamIds.For("offer-type", code);

    public static OfferType? Evolve(OfferType? state, object @event) => @event switch
    {
        OfferTypeDefined e => new OfferType(e.Code, [e.Definition]),
        OfferTypeRevised e when state is not null => state with { Versions = [.. state.Versions, e.Definition] },
        _ => state,
    };
}
