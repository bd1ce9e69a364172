using System.Text.Json;
using IdoPlatform.Referrals.Features.ReferralProfiles;

namespace IdoPlatform.Referrals.Features.ReviseReferralProfile;

public static class ReviseReferralProfile
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A revision that changes nothing appends nothing, so a retried PUT or a re-seed is harmless.</summary>
    public static IReadOnlyList<object> Decide(ReferralProfile state, IReadOnlyList<TopicGuidance> topics, DateTimeOffset now) =>
        JsonSerializer.Serialize(state.Topics, Json) == JsonSerializer.Serialize(topics, Json)
            ? []
            : [new ReferralProfileRevised(state.Agency, topics, now)];
}
