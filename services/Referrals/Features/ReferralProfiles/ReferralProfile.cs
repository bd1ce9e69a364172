using System.Security.Cryptography;
using System.Text;

namespace IdoPlatform.Referrals.Features.ReferralProfiles;

/// <summary>An agency's referral profile: one stream per agency, at a stream id derived from its code.</summary>
public sealed record ReferralProfile(string Agency, IReadOnlyList<TopicGuidance> Topics, DateTimeOffset? RevisedAt)
{
    public const string StreamType = "referral-profile";

    public static ReferralProfile Empty(string agency) => new(agency, [], null);

    /// <summary>The stream id (Marten's identity of the aggregate).</summary>
    public Guid Id => StreamId(Agency);

    public static ReferralProfile Evolve(ReferralProfile state, object @event) => @event switch
    {
        ReferralProfileRevised e => state with { Topics = e.Topics, RevisedAt = e.RevisedAt },
        _ => state,
    };

    /// <summary><see cref="Evolve"/> for a fold that starts from nothing (Marten's): the first revision names the agency.</summary>
    public static ReferralProfile? EvolveFromStart(ReferralProfile? state, object @event) => @event switch
    {
        ReferralProfileRevised e => Evolve(state ?? Empty(e.Agency), e),
        _ => state,
    };

    /// <summary>Deterministic, so the profile needs no look-up table and seeding twice writes nothing.</summary>
    public static Guid StreamId(string agency)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"ido-referrals/referral-profile/{agency}"));
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80); // version 8: custom, name-based
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
