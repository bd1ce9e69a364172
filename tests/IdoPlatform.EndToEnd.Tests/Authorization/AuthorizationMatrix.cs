using IdoPlatform.EndToEnd.Tests.Support;
using IdoPlatform.Launcher;
using static IdoPlatform.EndToEnd.Tests.Authorization.Probe;

namespace IdoPlatform.EndToEnd.Tests.Authorization;

/// <summary>
/// Every role × every endpoint family → the status the rules give (issues 3–7):
/// <list type="bullet">
/// <item>desks register, read, correct and void visits only of their own organisation: another organisation's
/// visit is a 404 (its existence is not confirmed), its location a 403;</item>
/// <item>library admins change only their own organisation's locations and offers; platform admins all;
/// reading published offers and visible locations is public (the only anonymous calls at the gateway);</item>
/// <item>an agency sees and changes only its own referrals and profile (another agency's referral is a 404);
/// desks read profiles and look up a referral by code at their own locations; nobody else;</item>
/// <item>monitoring: national roles get (suppressed) aggregates, a library organisation its own locations,
/// an agency its own referrals; rebuilds are for the platform admin.</item>
/// </list>
/// 401 without a token at the gateway for everything but offer search and openapi.json; a service reached
/// directly answers its own public endpoints (code lists) and 401 for the rest.
/// </summary>
public static class AuthorizationMatrix
{
    private const PlatformService Registrations = PlatformService.Registrations;
    private const PlatformService Offers = PlatformService.Offers;
    private const PlatformService Referrals = PlatformService.Referrals;
    private const PlatformService Monitoring = PlatformService.Monitoring;

    /// <summary>The columns, in <see cref="Role"/> order.</summary>
    private static int[] E(int anonymous, int deskA, int deskB, int adminA, int uwv, int toeslagen, int monitor, int platformAdmin) =>
        [anonymous, deskA, deskB, adminA, uwv, toeslagen, monitor, platformAdmin];

    private static Func<MatrixWorld, Role, Task<Probe>> Fixed(Func<MatrixWorld, Probe> probe) => (w, _) => Task.FromResult(probe(w));

    private static string Range => DutchDays.RangeAroundToday;

    public static IReadOnlyList<Row> Rows { get; } =
    [
        //                                                                                anon deskA deskB admA  uwv toesl  mon  padm
        // ── registrations ──────────────────────────────────────────────────────────────────────────────────────────────────
        new("register a visit at an organisation-A location",
            Fixed(w => Post(Registrations, "registrations/v1/visits", Bodies.Visit(w.Seeds.MatrixLocationA, "apparaatgebruik"))),
                                                                                        E(401, 201,  403,  403,  403, 403,  403, 403)),
        new("read a visit of organisation A",
            Fixed(w => Get(Registrations, $"registrations/v1/visits/{w.VisitA}")),      E(401, 200,  404,  403,  403, 403,  403, 403),
            Secrets: w => [w.VisitA.ToString()], ShownTo: [Role.DeskA]),
        new("read the history of a visit of organisation A",
            Fixed(w => Get(Registrations, $"registrations/v1/visits/{w.VisitA}/history")), E(401, 200, 404, 403, 403, 403, 403, 403),
            Secrets: w => [w.VisitA.ToString()], ShownTo: [Role.DeskA]),
        new("correct a visit of organisation A (If-Match)",
            async (w, _) =>
            {
                var visit = await w.NewVisitAAsync();
                return Put(Registrations, $"registrations/v1/visits/{visit.Json["id"]}",
                    Bodies.Correction(w.Seeds.MatrixLocationA, [Bodies.Question("overig")], "Correctie in de matrix"), Headers.IfMatch(visit));
            },                                                                          E(401, 200,  404,  403,  403, 403,  403, 403)),
        new("void a visit of organisation A",
            async (w, _) =>
            {
                var visit = await w.NewVisitAAsync();
                return Post(Registrations, $"registrations/v1/visits/{visit.Json["id"]}/voiding", Bodies.Voiding("Matrix"));
            },                                                                          E(401, 200,  404,  403,  403, 403,  403, 403)),
        new("list the own organisation's visits (no filter)",
            Fixed(_ => Get(Registrations, $"registrations/v1/visits?pageSize=100")),    E(401, 200,  200,  403,  403, 403,  403, 403),
            Secrets: w => [w.VisitA.ToString()], ShownTo: [Role.DeskA]),
        new("list the visits at an organisation-A location",
            Fixed(w => Get(Registrations, $"registrations/v1/visits?locationId={w.Seeds.MatrixLocationA}&pageSize=100")),
                                                                                        E(401, 200,  403,  403,  403, 403,  403, 403),
            Secrets: w => [w.VisitA.ToString()], ShownTo: [Role.DeskA]),
        new("read the code lists",
            Fixed(_ => Get(Registrations, "registrations/v1/code-lists")),              E(401, 200,  200,  200,  200, 200,  200, 200),
            DirectAnonymous: 200, Note: "reference data: public at the service, behind a token at the gateway (issue 7: only offer search is open); documented with the token"),

        // ── offers ──────────────────────────────────────────────────────────────────────────────────────────────────────────
        new("search published offers near a postcode",
            Fixed(_ => Get(Offers, "offers/v1/offers?postcode=9711AB&radius=20000")),   E(200, 200,  200,  200,  200, 200,  200, 200)),
        new("search locations near a postcode",
            Fixed(_ => Get(Offers, "offers/v1/locations?postcode=9711AB&radius=20000")), E(200, 200, 200,  200,  200, 200,  200, 200)),
        new("read a draft offer of organisation A",
            Fixed(w => Get(Offers, $"offers/v1/offers/{w.DraftOfferA}")),               E(404, 404,  404,  200,  404, 404,  404, 200),
            Secrets: w => [w.DraftOfferTitleA], ShownTo: [Role.AdminA, Role.PlatformAdmin]),
        new("create an offer for organisation A",
            Fixed(w => Post(Offers, "offers/v1/offers", w.OfferBodyA("Matrix-aanbod A"))), E(401, 403, 403, 201, 403, 403, 403, 201)),
        new("create an offer for organisation B",
            Fixed(w => Post(Offers, "offers/v1/offers", w.OfferBodyB())),               E(401, 403,  403,  403,  403, 403,  403, 201)),
        new("change a draft offer of organisation A (If-Match)",
            async (w, _) => Put(Offers, $"offers/v1/offers/{w.DraftOfferA}", w.OfferBodyA(),
                await w.IfMatchAsync(w.AdminA, $"offers/v1/offers/{w.DraftOfferA}")),  E(401, 403,  403,  200,  403, 403,  403, 200)),
        new("change a draft offer of organisation B (If-Match)",
            async (w, _) => Put(Offers, $"offers/v1/offers/{w.DraftOfferB}", w.OfferBodyB(),
                await w.IfMatchAsync(w.AdminB, $"offers/v1/offers/{w.DraftOfferB}")),  E(401, 403,  403,  403,  403, 403,  403, 200)),
        new("register a location for organisation A",
            Fixed(w => Post(Offers, "offers/v1/locations", w.LocationBodyA())),         E(401, 403,  403,  201,  403, 403,  403, 201)),
        new("register a location for organisation B",
            Fixed(w => Post(Offers, "offers/v1/locations", w.LocationBodyB())),         E(401, 403,  403,  403,  403, 403,  403, 201)),
        new("change a location of organisation A (If-Match)",
            async (w, _) => Put(Offers, $"offers/v1/locations/{w.LocationA}", w.LocationBodyA(),
                await w.IfMatchAsync(w.AdminA, $"offers/v1/locations/{w.LocationA}")), E(401, 403,  403,  200,  403, 403,  403, 200)),
        new("change a location of organisation B (If-Match)",
            async (w, _) => Put(Offers, $"offers/v1/locations/{w.LocationB}", w.LocationBodyB(),
                await w.IfMatchAsync(w.AdminB, $"offers/v1/locations/{w.LocationB}")), E(401, 403,  403,  403,  403, 403,  403, 200)),

        // ── referrals ───────────────────────────────────────────────────────────────────────────────────────────────────────
        new("read UWV's referral profile",
            Fixed(_ => Get(Referrals, "referrals/v1/referral-profiles/uwv")),           E(401, 200,  200,  403,  200, 403,  403, 403)),
        new("change UWV's referral profile (If-Match)",
            async (w, _) => Put(Referrals, "referrals/v1/referral-profiles/uwv", Bodies.ReferralProfile(),
                await w.IfMatchAsync(w.Uwv, "referrals/v1/referral-profiles/uwv")),    E(401, 403,  403,  403,  200, 403,  403, 403)),
        new("look up the nearest IDOs for a postcode",
            Fixed(_ => Get(Referrals, "referrals/v1/referral-locations?postcode=9711AB")), E(401, 200, 200, 403, 200, 200, 403, 403),
            Note: "issue 5 names agency staff; the service also lets desks look (referrals README); locations are public data"),
        new("issue a referral for UWV",
            Fixed(w => Post(Referrals, "referrals/v1/referrals", w.ReferralBodyUwv())),  E(401, 403,  403,  403,  201, 403,  403, 403)),
        new("list the own agency's referrals",
            Fixed(_ => Get(Referrals, "referrals/v1/referrals?pageSize=100")),          E(401, 403,  403,  403,  200, 200,  403, 403),
            Secrets: w => [w.ReferralIdUwv.ToString()], ShownTo: [Role.Uwv]),
        new("list UWV's referrals (agency=uwv)",
            Fixed(_ => Get(Referrals, "referrals/v1/referrals?agency=uwv&pageSize=100")), E(401, 403, 403, 403, 200, 403, 403, 403),
            Secrets: w => [w.ReferralIdUwv.ToString()], ShownTo: [Role.Uwv]),
        new("look up a UWV referral to an organisation-A location by code",
            Fixed(w => Get(Referrals, $"referrals/v1/referrals/{w.ReferralCodeUwv}")),  E(401, 200,  404,  403,  200, 404,  403, 403),
            Secrets: w => [w.ReferralIdUwv.ToString()], ShownTo: [Role.DeskA, Role.Uwv]),
        new("cancel a UWV referral",
            async (w, _) =>
            {
                var referral = await w.NewReferralUwvAsync();
                return Post(Referrals, $"referrals/v1/referrals/{referral.Json["code"]}/cancellation", null);
            },                                                                          E(401, 403,  403,  403,  200, 404,  403, 403)),

        // ── monitoring ──────────────────────────────────────────────────────────────────────────────────────────────────────
        new("question counts",
            Fixed(_ => Get(Monitoring, $"monitoring/v1/question-counts?{Range}&groupBy=province")), E(401, 200, 200, 200, 403, 403, 200, 200),
            Note: "agencies are not among the question-count audiences (issue 6 names national roles and library organisations)"),
        new("question counts of organisation B",
            Fixed(w => Get(Monitoring, $"monitoring/v1/question-counts?{Range}&groupBy=organisation&organisation={w.Seeds.OrganisationB}")),
                                                                                        E(401, 403,  200,  403,  403, 403,  200, 200)),
        new("referral outcomes",
            Fixed(_ => Get(Monitoring, $"monitoring/v1/referral-outcomes?{Range}&groupBy=agency")), E(401, 200, 200, 200, 200, 200, 200, 200)),
        new("referral outcomes of UWV (agency=uwv)",
            Fixed(_ => Get(Monitoring, $"monitoring/v1/referral-outcomes?{Range}&groupBy=agency&agency=uwv")), E(401, 200, 200, 200, 200, 403, 200, 200)),
        new("open IDO locations",
            Fixed(_ => Get(Monitoring, "monitoring/v1/ido-locations?groupBy=province")), E(401, 200,  200,  200,  200, 200,  200, 200)),
        new("start a rebuild of the aggregates",
            Fixed(_ => Post(Monitoring, "monitoring/v1/rebuilds", null)),                E(401, 403,  403,  403,  403, 403,  403, 202),
            After: WaitForRebuild),

        // ── the published contracts ─────────────────────────────────────────────────────────────────────────────────────────
        new("read registrations' openapi.json",
            Fixed(_ => Get(Registrations, "registrations/v1/openapi.json")),            E(200, 200,  200,  200,  200, 200,  200, 200)),
        new("read offers' openapi.json",
            Fixed(_ => Get(Offers, "offers/v1/openapi.json")),                          E(200, 200,  200,  200,  200, 200,  200, 200)),
        new("read referrals' openapi.json",
            Fixed(_ => Get(Referrals, "referrals/v1/openapi.json")),                    E(200, 200,  200,  200,  200, 200,  200, 200)),
        new("read monitoring's openapi.json",
            Fixed(_ => Get(Monitoring, "monitoring/v1/openapi.json")),                  E(200, 200,  200,  200,  200, 200,  200, 200)),
    ];

    public static Row Find(string name) => Rows.Single(r => r.Name == name);

    /// <summary>A rebuild runs in the background: wait for it, so it never overlaps another test.</summary>
    private static async Task WaitForRebuild(MatrixWorld world, ApiAnswer answer)
    {
        if (answer.Status != 202 || answer.Json?["id"] is not { } id)
            return;
        var done = await Eventually.Until(() => world.PlatformAdmin.GetAsync($"monitoring/v1/rebuilds/{id}"),
            r => r.Status == HttpStatusCode.OK && r.Json["finishedAt"] is not null,
            TimeSpan.FromSeconds(60), $"rebuild {id} to finish");
        Assert.True(done.Json["error"] is null, $"The rebuild failed: {done}");
    }
}
