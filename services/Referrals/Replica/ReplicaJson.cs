using System.Text.Json;

namespace IdoPlatform.Referrals.Replica;

/// <summary>How the replica stores the contract records it received (internal storage, not an API).</summary>
internal static class ReplicaJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
