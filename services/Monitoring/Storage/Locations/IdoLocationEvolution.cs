using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.Contracts.Offers;
using IdoPlatform.Monitoring.Reporting;

namespace IdoPlatform.Monitoring.Storage.Locations;

/// <summary>
/// Turns location messages into IDO periods: an IDO opens on its opening date (or the day it was
/// announced), a change of province, municipality or inside/outside the library starts a new period
/// that day, and removing the IDO or closing the location ends the open period.
/// Messages older than the newest one heard are stale and change nothing; hearing one twice is harmless.
/// </summary>
public static class IdoLocationEvolution
{
    public static IdoLocation? Evolve(IdoLocation? current, object message) => message switch
    {
        LocationRegistered m => Apply(current, m.Location, m.OccurredAt),
        LocationChanged m => Apply(current, m.Location, m.OccurredAt),
        LocationClosed m => Close(current, m),
        _ => current,
    };

    public static string? LocationIdOf(object message) => message switch
    {
        LocationRegistered m => m.Location.LocationId,
        LocationChanged m => m.Location.LocationId,
        LocationClosed m => m.LocationId,
        _ => null,
    };

    private static IdoLocation Apply(IdoLocation? current, LocationDetails details, DateTimeOffset at)
    {
        current ??= new IdoLocation(details.LocationId, details.OrganisationId, DateTimeOffset.MinValue, false, []);
        if (current.Closed || at < current.LastMessageAt) return current;

        var day = DutchCalendar.DayOf(at);
        var periods = current.Periods.ToList();
        var open = current.OpenPeriod;
        if (details.HasIdo)
        {
            var wanted = new IdoPeriod(details.IdoOpenedOn ?? day, null, details.Province, details.MunicipalityCode,
                details.IdoInsideLibrary);
            if (open is null)
            {
                // Never before the end of an earlier period: the history does not overlap.
                var earliest = periods.Count > 0 ? periods[^1].Until!.Value : DateOnly.MinValue;
                periods.Add(wanted with { From = Max(wanted.From, earliest) });
            }
            else if (!SamePlace(open, wanted))
            {
                periods.RemoveAt(periods.Count - 1);
                if (day > open.From) periods.Add(open with { Until = day });
                periods.Add(wanted with { From = day > open.From ? day : open.From });
            }
            else if (periods.Count == 1 && details.IdoOpenedOn is { } openedOn && openedOn != open.From)
            {
                // The opening date itself was corrected.
                periods[0] = open with { From = openedOn };
            }
        }
        else if (open is not null)
        {
            periods.RemoveAt(periods.Count - 1);
            if (day > open.From) periods.Add(open with { Until = day });
        }

        return current with { OrganisationId = details.OrganisationId, LastMessageAt = at, Periods = periods };
    }

    private static IdoLocation? Close(IdoLocation? current, LocationClosed closed)
    {
        current ??= new IdoLocation(closed.LocationId, closed.OrganisationId, DateTimeOffset.MinValue, false, []);
        if (current.Closed) return current;
        var periods = current.Periods.ToList();
        if (current.OpenPeriod is { } open)
        {
            periods.RemoveAt(periods.Count - 1);
            if (closed.ClosedOn > open.From) periods.Add(open with { Until = closed.ClosedOn });
        }
        return current with { Closed = true, LastMessageAt = Max(current.LastMessageAt, closed.OccurredAt), Periods = periods };
    }

    private static bool SamePlace(IdoPeriod a, IdoPeriod b) =>
        a.Province == b.Province && a.MunicipalityCode == b.MunicipalityCode && a.InsideLibrary == b.InsideLibrary;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
