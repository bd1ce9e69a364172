using IdoPlatform.Contracts.Offers;
using IdoPlatform.BuildingBlocks.Geo;

namespace IdoPlatform.Referrals.Features.NearestLocations;

/// <summary>A location as the replica holds it: the last details offers published, and when it closed.</summary>
public sealed record ReplicaLocation(LocationDetails Details, DateOnly? ClosedOn);

public sealed record NearbyLocation(
    LocationDetails Location,
    int DistanceMeters,
    IReadOnlyList<OpeningPeriod> OpeningHoursOnDay,
    IReadOnlyList<OfferDetails> MatchingOffers);

/// <summary>Pure selection of the nearest IDO locations open on a day, with the offers that fit.</summary>
public static class NearestLocations
{
    public static bool IsOpenOn(ReplicaLocation location, DateOnly day)
    {
        var d = location.Details;
        return d.HasIdo && d.Visible
            && (location.ClosedOn is null || location.ClosedOn > day)
            && (d.IdoOpenedOn is null || d.IdoOpenedOn <= day)
            && d.OpeningHours.Any(p => p.Day == day.DayOfWeek);
    }

    /// <summary>The offer takes place on <paramref name="day"/>: the same rule (<see cref="OfferCalendar"/>) as the dates
    /// offers shows, so a monthly offer or one with an exception is not listed on days it does not run.</summary>
    /// <remarks>A replica row from before messages carried the schedule knows only weekdays and session dates: it is read
    /// as weekly on those weekdays, as referrals listed it then, until offers sends the offer again. Dropping its weekdays
    /// instead would hide every recurring offer of a kept database from the agencies.</remarks>
    public static bool RunsOn(OfferDetails offer, DateOnly day) =>
        OfferCalendar.OccursOn(offer.Schedule ?? WeeklyOnItsDays(offer), offer.ValidFrom, offer.ValidTo, day);

    private static OfferSchedule WeeklyOnItsDays(OfferDetails offer) => new(offer.SessionDates,
        offer.RecurringDays.Select(d => new OfferRecurrence("weekly", d, DateOnly.MinValue, null, null)).ToList(), []);

    /// <summary>The <paramref name="limit"/> nearest locations open on <paramref name="day"/>, nearest first (ties by id).</summary>
    public static IReadOnlyList<(LocationDetails Location, double Meters)> Nearest(
        GeoPoint origin, DateOnly day, int limit, IEnumerable<ReplicaLocation> locations) =>
        locations
            .Where(l => IsOpenOn(l, day))
            .Select(l => (Location: l.Details, Meters: origin.MetersTo(new GeoPoint(l.Details.Latitude, l.Details.Longitude))))
            .OrderBy(x => x.Meters)
            .ThenBy(x => x.Location.LocationId, StringComparer.Ordinal)
            .Take(limit)
            .ToList();

    /// <summary>Each location with its hours that day and the offers there that fit the topic and run that day.</summary>
    public static IReadOnlyList<NearbyLocation> Describe(
        IReadOnlyList<(LocationDetails Location, double Meters)> nearest, DateOnly day, string? topic,
        IEnumerable<OfferDetails> offers)
    {
        var fitting = offers.Where(o => RunsOn(o, day) && (topic is null || o.Themes.Contains(topic))).ToList();
        return nearest
            .Select(x => new NearbyLocation(
                x.Location,
                (int)Math.Round(x.Meters),
                x.Location.OpeningHours.Where(p => p.Day == day.DayOfWeek).OrderBy(p => p.Opens).ToList(),
                fitting.Where(o => o.LocationIds.Contains(x.Location.LocationId))
                    .OrderBy(o => o.Title, StringComparer.Ordinal).ThenBy(o => o.OfferId).ToList()))
            .ToList();
    }

    public static IReadOnlyList<NearbyLocation> Select(
        GeoPoint origin, DateOnly day, string? topic, int limit,
        IEnumerable<ReplicaLocation> locations, IEnumerable<OfferDetails> offers) =>
        Describe(Nearest(origin, day, limit, locations), day, topic, offers);
}
