using IdoPlatform.Referrals.Features.Catalogue;
using IdoPlatform.Referrals.Features.ReviseReferralProfile;
using IdoPlatform.Referrals.Storage;

namespace IdoPlatform.Referrals.Features.ReferralProfiles;

public sealed record ServiceHoursResponse(string Day, string Opens, string Closes);

public sealed record AgencyContactResponse(string? Phone, string? Website, string? Address);

public sealed record TopicGuidanceResponse(
    string Topic,
    string Channel,
    AgencyContactResponse Contact,
    IReadOnlyList<ServiceHoursResponse> Hours,
    IReadOnlyList<string> IdoMayDo,
    IReadOnlyList<string> IdoMayNotDo);

/// <summary>An agency's referral profile; <see cref="Version"/> is also its ETag (0: never published).</summary>
public sealed record ReferralProfileResponse(
    string Agency,
    string AgencyName,
    long Version,
    DateTimeOffset? RevisedAt,
    IReadOnlyList<TopicGuidanceResponse> Topics);

/// <summary>One revision in a profile's history: the whole profile as it became, and when.</summary>
public sealed record ReferralProfileRevisionResponse(long Version, DateTimeOffset RevisedAt, IReadOnlyList<TopicGuidanceResponse> Topics);

public static class ReferralProfileMapping
{
    public static TopicGuidanceResponse ToResponse(this TopicGuidance g) => new(
        g.Topic, g.Channel, new AgencyContactResponse(g.Contact.Phone, g.Contact.Website, g.Contact.Address),
        g.Hours.OrderBy(h => ((int)h.Day + 6) % 7).ThenBy(h => h.Opens)
            .Select(h => new ServiceHoursResponse(ReferralProfileValidation.DayName(h.Day),
                h.Opens.ToString("HH:mm"), h.Closes.ToString("HH:mm")))
            .ToList(),
        g.IdoMayDo, g.IdoMayNotDo);

    public static IReadOnlyList<TopicGuidanceResponse> ToResponse(this IReadOnlyList<TopicGuidance> topics) =>
        topics.OrderBy(t => t.Topic, StringComparer.Ordinal).Select(ToResponse).ToList();

    public static ReferralProfileResponse ToResponse(this StoredProfile profile, AgencyCatalogue agencies) =>
        new(profile.Agency, agencies.Find(profile.Agency)?.Name ?? profile.Agency, profile.Version, profile.RevisedAt,
            profile.Topics.ToResponse());

    public static ReferralProfileResponse ToResponse(this ReferralProfile profile, long version, AgencyCatalogue agencies) =>
        new(profile.Agency, agencies.Find(profile.Agency)?.Name ?? profile.Agency, version, profile.RevisedAt,
            profile.Topics.ToResponse());
}
