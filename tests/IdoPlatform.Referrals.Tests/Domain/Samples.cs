using IdoPlatform.Contracts.Offers;
using IdoPlatform.Referrals.Features.Catalogue;
using IdoPlatform.Referrals.Features.Referrals;

namespace IdoPlatform.Referrals.Tests.Domain;

internal static class Samples
{
    public static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);
    public static readonly Guid OrganisationId = Guid.Parse("11111111-2222-3333-4444-555555555555");

    public static AgencyCatalogue Catalogue() => new(1,
        Contracts.Codes.Agencies.All
            .Select(code => new Agency(code, code.ToUpperInvariant(), code.ToUpperInvariant(),
                new DateOnly(2019, 1, 1), code == "lbio" ? new DateOnly(2025, 12, 31) : null,
                $"https://www.{code}.nl", null))
            .ToList());

    public static ReferralLocation Location(string id = "NL-000001-0001", DateOnly? closedOn = null, bool hasIdo = true) =>
        new(id, OrganisationId, "GM0546", "Zuid-Holland", hasIdo, Visible: true, IdoOpenedOn: new DateOnly(2020, 1, 1), closedOn);

    public static ReferralSubject Subject(string code = "K7QF-2M9D") =>
        new(Guid.NewGuid(), code, "toeslagen", "toeslagen", "NL-000001-0001", OrganisationId, ReferralMethods.NamedPlace,
            "GM0546", "Zuid-Holland");

    public static Referral Issued(int validDays = 30) =>
        Referral.Evolve(null, new ReferralIssued(Subject(), Now, Now.AddDays(validDays)))!;

    public static LocationDetails LocationDetails(string id, double lat, double lon,
        IReadOnlyList<OpeningPeriod>? hours = null, bool hasIdo = true, DateOnly? idoOpenedOn = null) =>
        new(id, OrganisationId, "Bibliotheek Voorbeeld", $"Vestiging {id}", "branch",
            new PostalAddress("Breestraat", 1, null, null, "2311EZ", "Leiden"), "GM0546", "Leiden", "Zuid-Holland",
            lat, lon,
            hours ?? Enum.GetValues<DayOfWeek>()
                .Select(d => new OpeningPeriod(d, new TimeOnly(10, 0), new TimeOnly(17, 0))).ToList(),
            hasIdo, idoOpenedOn, IdoInsideLibrary: true, Visible: true);

    /// <summary>Every week on these days since 2026, as offers publishes a plain weekly offer.</summary>
    public static OfferSchedule Weekly(params DayOfWeek[] days) =>
        new([], days.Select(d => new OfferRecurrence("weekly", d, new DateOnly(2026, 1, 1), null, null)).ToList(), []);
}
