using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.Offers.Common;
using IdoPlatform.Offers.Features.Offers;

namespace IdoPlatform.Offers.Features.SearchOffers;

/// <summary>One hit of an offer search: the offer, and (when the search had a point) its nearest location and distance;
/// <c>nextOccurrences</c>: the next dates it takes place from now (Dutch time), at most <see cref="NextDatesShown"/>;
/// <c>nextSessions</c>: those dates with their times, so a citizen knows when to come without working the schedule out.</summary>
public sealed record OfferHitResponse(int? DistanceMeters, NearestLocationResponse? NearestLocation, OfferResponse Offer,
    IReadOnlyList<DateOnly> NextOccurrences, IReadOnlyList<SessionResponse> NextSessions)
{
    public const int NextDatesShown = 3;

    /// <summary>Today counts only with the sessions that have not ended yet: at 20:45 the 10:00 session is not "next".</summary>
    public static (IReadOnlyList<DateOnly> Dates, IReadOnlyList<SessionResponse> Sessions) Next(OfferContent content, DateTimeOffset now)
    {
        var (today, time) = (DutchCalendar.DayOf(now), DutchCalendar.TimeOf(now));
        var next = ScheduleCalendar.Dates(content, today, null)
            .Select(date => (Date: date, Times: ScheduleCalendar.TimesOn(content, date).Where(t => date > today || t.Ends > time).ToList()))
            .Where(d => d.Date > today || d.Times.Count > 0)
            .Take(NextDatesShown).ToList();
        return (next.Select(d => d.Date).ToList(),
            next.SelectMany(d => d.Times.Select(t => new SessionResponse(d.Date, ClockText.Format(t.Starts), ClockText.Format(t.Ends)))).ToList());
    }
}
