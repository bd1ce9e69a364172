using IdoPlatform.Offers.Common;
using IdoPlatform.Offers.Features.Offers;

namespace IdoPlatform.Offers.Features.SearchOffers;

/// <summary>One hit of an offer search: the offer, and (when the search had a point) its nearest location and distance;
/// <c>nextOccurrences</c>: the next dates it takes place from today (Dutch time), at most <see cref="NextDatesShown"/>;
/// <c>nextSessions</c>: those dates with their times, so a citizen knows when to come without working the schedule out.</summary>
public sealed record OfferHitResponse(int? DistanceMeters, NearestLocationResponse? NearestLocation, OfferResponse Offer,
    IReadOnlyList<DateOnly> NextOccurrences, IReadOnlyList<SessionResponse> NextSessions)
{
    public const int NextDatesShown = 3;

    public static (IReadOnlyList<DateOnly> Dates, IReadOnlyList<SessionResponse> Sessions) Next(OfferContent content, DateOnly today)
    {
        var dates = ScheduleCalendar.Dates(content, today, null).Take(NextDatesShown).ToList();
        var sessions = dates.SelectMany(date => ScheduleCalendar.TimesOn(content, date)
            .Select(t => new SessionResponse(date, ClockText.Format(t.Starts), ClockText.Format(t.Ends)))).ToList();
        return (dates, sessions);
    }
}
