using IdoPlatform.Contracts.Offers;

namespace IdoPlatform.Referrals.Tests.Integration;

/// <summary>Fictional locations at real places around Leiden (PC4 2311), with ids unique per test run.</summary>
public static class Places
{
    private static int LastLocationNumber = Random.Shared.Next(100_000, 900_000);

    public static string NewLocationId() => $"NL-{Interlocked.Increment(ref LastLocationNumber):D6}-0001";

    public static IReadOnlyList<OpeningPeriod> Every(params DayOfWeek[] days) =>
        days.Select(d => new OpeningPeriod(d, new TimeOnly(10, 0), new TimeOnly(17, 0))).ToList();

    public static IReadOnlyList<OpeningPeriod> AllWeek() => Every(Enum.GetValues<DayOfWeek>());

    public static LocationDetails Location(string id, Guid organisationId, double lat, double lon,
        IReadOnlyList<OpeningPeriod>? hours = null, bool hasIdo = true, string name = "Vestiging") =>
        new(id, organisationId, "Bibliotheek Testregio", $"{name} {id}", "branch",
            new PostalAddress("Teststraat", 1, null, null, "2311EZ", "Leiden"), "GM0546", "Leiden", "Zuid-Holland",
            lat, lon, hours ?? AllWeek(), hasIdo, new DateOnly(2020, 1, 1), IdoInsideLibrary: true, Visible: true);
}
