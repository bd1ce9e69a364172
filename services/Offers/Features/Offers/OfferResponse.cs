using IdoPlatform.Offers.Common;

namespace IdoPlatform.Offers.Features.Offers;

public sealed record CostsResponse(decimal AmountEuro, string? Note);

public sealed record SessionResponse(DateOnly Date, string StartTime, string EndTime);

public sealed record RecurrenceResponse(string Frequency, string Day, string StartTime, string EndTime,
    DateOnly StartsOn, DateOnly? EndsOn, int? WeekOfMonth);

public sealed record ScheduleResponse(IReadOnlyList<SessionResponse> Sessions, IReadOnlyList<RecurrenceResponse> Recurrences,
    IReadOnlyList<DateOnly> Exceptions);

/// <summary>An offer (aanbod) as clients see it.</summary>
public sealed record OfferResponse(
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
    CostsResponse Costs,
    IReadOnlyList<string> Partners,
    IReadOnlyList<string> Agencies,
    IReadOnlyList<string> WhatToBring,
    IReadOnlyList<string> Facilities,
    ScheduleResponse Schedule,
    DateOnly? ValidFrom,
    DateOnly? ValidTo)
{
    public static OfferResponse From(Offer o)
    {
        var c = o.Content;
        var schedule = new ScheduleResponse(
            c.Schedule.Sessions.Select(s => new SessionResponse(s.Date, ClockText.Format(s.Starts), ClockText.Format(s.Ends))).ToList(),
            c.Schedule.Recurrences.Select(r => new RecurrenceResponse(r.Frequency, ClockText.Format(r.Day), ClockText.Format(r.Starts),
                ClockText.Format(r.Ends), r.StartsOn, r.EndsOn, r.WeekOfMonth)).ToList(),
            c.Schedule.Exceptions);
        return new OfferResponse(o.OfferId, o.OrganisationId, o.Status, c.LocationIds, c.OfferTypeCode, c.OfferTypeVersion, c.Title,
            c.Description, c.Format, c.Themes, c.TargetGroups, c.WalkIn, c.SignUp, new CostsResponse(c.Costs.AmountEuro, c.Costs.Note),
            c.Partners, c.Agencies, c.WhatToBring, c.Facilities, schedule, c.ValidFrom, c.ValidTo);
    }
}
