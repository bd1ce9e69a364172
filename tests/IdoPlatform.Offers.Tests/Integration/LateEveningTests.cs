using System.Net;
using IdoPlatform.Testing.Services;

namespace IdoPlatform.Offers.Tests.Integration;

/// <summary>The offers service at 23:30 UTC on 31 December: 00:30 on 1 January in Amsterdam. "Today" is the Dutch day,
/// not the UTC date (which would still be 31 December).</summary>
public sealed class LateEveningTests(LateEveningTests.OffersAtLateEvening app) : IClassFixture<LateEveningTests.OffersAtLateEvening>
{
    public sealed class OffersAtLateEvening : OffersApp
    {
        public ManualClock Clock { get; } = new(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));
        protected override TimeProvider ServiceClock => Clock;
    }

    [Fact]
    public async Task A_location_closed_just_after_Dutch_midnight_closes_on_the_new_Dutch_day()
    {
        var library = await Library.Register(app);
        var closedToday = await library.AddLocation(Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland"));
        var (_, _, etag) = await app.Client().Get($"/offers/v1/locations/{closedToday}");
        var closed = (await library.Admin.Post($"/offers/v1/locations/{closedToday}/closing", new { reason = "Verhuisd" }, etag))
            .Expect(HttpStatusCode.OK);
        Assert.Equal("2027-01-01", closed["closedOn"]!.GetValue<string>());

        // 1 January is today in Amsterdam, so not "in the future".
        var closedOnNewYear = await library.AddLocation(Library.LocationAt("2311EZ", "Leiden", "GM0546", "Zuid-Holland"));
        (_, _, etag) = await app.Client().Get($"/offers/v1/locations/{closedOnNewYear}");
        (await library.Admin.Post($"/offers/v1/locations/{closedOnNewYear}/closing", new { closedOn = "2027-01-01" }, etag))
            .Expect(HttpStatusCode.OK);
    }
}
