namespace IdoPlatform.Offers.Features.Offers;

public sealed record Costs(decimal AmountEuro, string? Note);

/// <summary>One dated session.</summary>
public sealed record Session(DateOnly Date, TimeOnly Starts, TimeOnly Ends);

/// <summary>
/// A repeating session: weekly, biweekly (every other week from the first occurrence) or monthly
/// (the <see cref="WeekOfMonth"/>-th weekday of each month, 5 meaning the last).
/// </summary>
public sealed record Recurrence(string Frequency, DayOfWeek Day, TimeOnly Starts, TimeOnly Ends,
    DateOnly StartsOn, DateOnly? EndsOn, int? WeekOfMonth);

/// <summary>Dated sessions and recurrences; <see cref="Exceptions"/> are dates on which nothing takes place.</summary>
public sealed record Schedule(IReadOnlyList<Session> Sessions, IReadOnlyList<Recurrence> Recurrences, IReadOnlyList<DateOnly> Exceptions)
{
    public static Schedule Empty { get; } = new([], [], []);
}

/// <summary>Everything an offer says about itself; replaced whole on every change.</summary>
public sealed record OfferContent(
    IReadOnlyList<string> LocationIds,
    string OfferTypeCode,
    int OfferTypeVersion,
    string Title,
    string Description,
    string Format,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> TargetGroups,
    bool WalkIn,
    string? SignUp,
    Costs Costs,
    IReadOnlyList<string> Partners,
    IReadOnlyList<string> Agencies,
    IReadOnlyList<string> WhatToBring,
    IReadOnlyList<string> Facilities,
    Schedule Schedule,
    DateOnly? ValidFrom,
    DateOnly? ValidTo);

public sealed record OfferDrafted(Guid OfferId, Guid OrganisationId, OfferContent Content);

/// <param name="WhilePublished">The offer was published when it changed, so referrers must hear of it.</param>
public sealed record OfferChanged(Guid OfferId, Guid OrganisationId, OfferContent Content, bool WhilePublished);

/// <summary>Carries the content as published, so the relay can tell referrers everything without look-ups.</summary>
public sealed record OfferPublished(Guid OfferId, Guid OrganisationId, OfferContent Content);

/// <param name="WasPublished">False when a draft was withdrawn: nobody outside ever heard of it.</param>
public sealed record OfferWithdrawn(Guid OfferId, Guid OrganisationId, string? Reason, bool WasPublished);
