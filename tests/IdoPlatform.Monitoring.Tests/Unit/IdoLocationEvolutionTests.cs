using IdoPlatform.Contracts.Offers;
using IdoPlatform.Monitoring.Storage.Locations;
using static IdoPlatform.Monitoring.Tests.Unit.Messages;

namespace IdoPlatform.Monitoring.Tests.Unit;

public class IdoLocationEvolutionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 10, 9, 0, 0, TimeSpan.Zero);

    private static IdoLocation? Fold(params object[] messages) =>
        messages.Aggregate((IdoLocation?)null, IdoLocationEvolution.Evolve);

    [Fact]
    public void An_ido_is_open_from_its_opening_date_until_the_location_closes()
    {
        var location = Fold(
            new LocationRegistered(Location(opened: new DateOnly(2025, 9, 1)), T0),
            new LocationClosed("NL-000001-0001", Organisation, new DateOnly(2026, 6, 1), T0.AddMonths(5)));

        var period = Assert.Single(location!.Periods);
        Assert.False(period.OpenOn(new DateOnly(2025, 8, 31)));
        Assert.True(period.OpenOn(new DateOnly(2025, 9, 1)));
        Assert.True(period.OpenOn(new DateOnly(2026, 5, 31)));
        Assert.False(period.OpenOn(new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public void Moving_outside_the_library_starts_a_new_period_that_day()
    {
        var location = Fold(
            new LocationRegistered(Location(opened: new DateOnly(2025, 1, 1)), T0),
            new LocationChanged(Location(opened: new DateOnly(2025, 1, 1), inside: false), T0.AddDays(10)));

        Assert.Equal(2, location!.Periods.Count);
        Assert.True(location.Periods[0].InsideLibrary);
        Assert.Equal(new DateOnly(2026, 1, 20), location.Periods[0].Until);
        Assert.False(location.Periods[1].InsideLibrary);
        Assert.Equal(new DateOnly(2026, 1, 20), location.Periods[1].From);
    }

    [Fact]
    public void A_stale_message_and_a_repeated_one_change_nothing()
    {
        var registered = new LocationRegistered(Location(opened: new DateOnly(2025, 1, 1)), T0);
        var withdrawn = new LocationChanged(Location(hasIdo: false), T0.AddDays(3));
        var once = Fold(registered, withdrawn);

        Assert.Equal(once, Fold(registered, withdrawn, registered, withdrawn));
        Assert.Null(once!.OpenPeriod);
    }

    [Fact]
    public void A_location_without_ido_has_no_period()
    {
        Assert.Empty(Fold(new LocationRegistered(Location(hasIdo: false), T0))!.Periods);
    }
}
