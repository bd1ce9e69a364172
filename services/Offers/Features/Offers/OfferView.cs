using IdoPlatform.Offers.Domain;

namespace IdoPlatform.Offers.Features.Offers;

public sealed record CostsView(decimal AmountEuro, string? Note);

public sealed record SessionView(DateOnly Date, string StartTime, string EndTime);

public sealed record RecurrenceView(string Frequency, string Day, string StartTime, string EndTime,
    DateOnly StartsOn, DateOnly? EndsOn, int? WeekOfMonth);

public sealed record ScheduleView(IReadOnlyList<SessionView> Sessions, IReadOnlyList<RecurrenceView> Recurrences,
    IReadOnlyList<DateOnly> Exceptions);

/// <summary>An offer (aanbod) as clients see it.</summary>
public sealed record OfferView(
    Guid OfferId,
    Guid OrganisationId,
    string Status,
    IReadOnlyList<string> LocationIds,
    string OfferType,
    int OfferTypeVersion,
    string Title,
    string Description,
    string Format,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> TargetGroups,
    bool WalkIn,
    string? SignUp,
    CostsView Costs,
    IReadOnlyList<string> Partners,
    IReadOnlyList<string> Agencies,
    IReadOnlyList<string> WhatToBring,
    IReadOnlyList<string> Facilities,
    ScheduleView Schedule,
    DateOnly? ValidFrom,
    DateOnly? ValidTo)
{
    public static OfferView From(Offer o)
    {
        var c = o.Content;
        var schedule = new ScheduleView(
            c.Schedule.Sessions.Select(s => new SessionView(s.Date, ClockText.Format(s.Starts), ClockText.Format(s.Ends))).ToList(),
            c.Schedule.Recurrences.Select(r => new RecurrenceView(r.Frequency, ClockText.Format(r.Day), ClockText.Format(r.Starts),
                ClockText.Format(r.Ends), r.StartsOn, r.EndsOn, r.WeekOfMonth)).ToList(),
            c.Schedule.Exceptions);
        return new OfferView(o.OfferId, o.OrganisationId, o.Status, c.LocationIds, c.OfferTypeCode, c.OfferTypeVersion, c.Title,
            c.Description, c.Format, c.Themes, c.TargetGroups, c.WalkIn, c.SignUp, new CostsView(c.Costs.AmountEuro, c.Costs.Note),
            c.Partners, c.Agencies, c.WhatToBring, c.Facilities, schedule, c.ValidFrom, c.ValidTo);
    }
}

/// <summary>Where the offer is nearest to the searched point.</summary>
public sealed record NearestLocationView(string LocationId, string Name, string City, string Postcode);

/// <summary>One hit of an offer search: the offer, and (when the search had a point) its nearest location and distance;
/// <c>nextOccurrences</c>: the next dates it takes place from today (Dutch time), at most <see cref="NextDatesShown"/>.</summary>
public sealed record OfferHit(int? DistanceMeters, NearestLocationView? NearestLocation, OfferView Offer, IReadOnlyList<DateOnly> NextOccurrences)
{
    public const int NextDatesShown = 3;
}
