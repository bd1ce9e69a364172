namespace IdoPlatform.Contracts.Offers;

/// <summary>
/// A repeating session as offers publishes it: <c>weekly</c>, <c>biweekly</c> (every other week from its first
/// occurrence) or <c>monthly</c> (the <see cref="WeekOfMonth"/>-th weekday of each month, 5 meaning the last).
/// </summary>
public sealed record OfferRecurrence(string Frequency, DayOfWeek Day, DateOnly StartsOn, DateOnly? EndsOn, int? WeekOfMonth);

/// <summary>The whole schedule, so a consumer can tell on which days the offer takes place (<see cref="OfferCalendar"/>);
/// <see cref="Exceptions"/> are dates on which nothing takes place.</summary>
public sealed record OfferSchedule(
    IReadOnlyList<DateOnly> SessionDates,
    IReadOnlyList<OfferRecurrence> Recurrences,
    IReadOnlyList<DateOnly> Exceptions);
