namespace IdoPlatform.Referrals.Features.ReferralProfiles;

public static class ReferralChannels
{
    public const string Phone = "phone";
    public const string Website = "website";
    public const string Counter = "counter";
    public const string Appointment = "appointment";

    public static readonly IReadOnlyList<string> All = [Phone, Website, Counter, Appointment];
}

/// <summary>The agency's public contact for one topic (never a person's details).</summary>
public sealed record AgencyContact(string? Phone, string? Website, string? Address);

public sealed record ServiceHours(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>How an IDO refers a citizen onward to the agency for one topic, and where the IDO's help stops.</summary>
public sealed record TopicGuidance(
    string Topic,
    string Channel,
    AgencyContact Contact,
    IReadOnlyList<ServiceHours> Hours,
    IReadOnlyList<string> IdoMayDo,
    IReadOnlyList<string> IdoMayNotDo);

/// <summary>The agency replaced its profile; the event holds the whole new profile so history reads plainly.</summary>
public sealed record ReferralProfileRevised(string Agency, IReadOnlyList<TopicGuidance> Topics, DateTimeOffset RevisedAt);
