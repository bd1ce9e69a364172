using IdoPlatform.BuildingBlocks.Web;

namespace IdoPlatform.Offers.Common;

/// <summary>
/// Stream ids derived from natural keys (a location id, an offer type code): the same key always
/// gives the same stream, so seeding twice appends nothing and an id once used can never be started again.
/// </summary>
public static class StreamIds
{
    private static readonly Guid Namespace = new("5b0e6a8e-2f4c-4d1e-9b3a-1d0f0ffe2a11");

    public static Guid For(string kind, string key) => DeterministicGuid.Create(Namespace, $"{kind}:{key}");
}
