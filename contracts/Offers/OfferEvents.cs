namespace IdoPlatform.Contracts.Offers;

/// <summary>A published offer as referrers need it: where, what, for whom, and when.</summary>
public sealed record OfferDetails(
    Guid OfferId,
    Guid OrganisationId,
    IReadOnlyList<string> LocationIds,
    string OfferTypeCode,
    int OfferTypeVersion,
    string Title,
    string Format,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> TargetGroups,
    bool WalkIn,
    IReadOnlyList<string> Agencies,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    /// <summary>Weekdays on which the offer recurs; empty for dated sessions only.</summary>
    IReadOnlyList<DayOfWeek> RecurringDays,
    /// <summary>Explicit session dates (dated sessions, within the validity).</summary>
    IReadOnlyList<DateOnly> SessionDates,
    /// <summary>The whole schedule, for <see cref="OfferCalendar"/>; <see cref="RecurringDays"/> alone does not say which
    /// weeks. Null only on messages published before it was added.</summary>
    OfferSchedule? Schedule = null);

public sealed record OfferPublished(OfferDetails Offer, DateTimeOffset OccurredAt);

public sealed record OfferChanged(OfferDetails Offer, DateTimeOffset OccurredAt);

public sealed record OfferWithdrawn(Guid OfferId, Guid OrganisationId, DateTimeOffset OccurredAt);
