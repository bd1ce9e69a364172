using IdoPlatform.EndToEnd.Tests.Fixture;
using IdoPlatform.EndToEnd.Tests.Support;

namespace IdoPlatform.EndToEnd.Tests.Authorization;

/// <summary>
/// The things the matrix's requests aim at, made once by set-up accounts (tokens minted for the same
/// organisations and agencies, so the tested demo accounts' rate windows stay free): a visit, draft offers and
/// locations of organisations A and B, a referral of UWV to an A location. A row that changes its target
/// (correct, void, cancel) gets a fresh one of its own, so the rows do not depend on each other's order.
/// </summary>
public sealed class MatrixWorld
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static MatrixWorld? Made;

    private MatrixWorld(PlatformFixture platform)
    {
        Platform = platform;
        var seeds = platform.Seeds;
        DeskA = platform.Gateway(platform.Tokens.Desk(seeds.OrganisationA, "e2e-matrix-setup-desk-a"));
        AdminA = platform.Gateway(platform.Tokens.LibraryAdmin(seeds.OrganisationA, "e2e-matrix-setup-admin-a"));
        AdminB = platform.Gateway(platform.Tokens.LibraryAdmin(seeds.OrganisationB, "e2e-matrix-setup-admin-b"));
        Uwv = platform.Gateway(platform.Tokens.Agency("uwv", "e2e-matrix-setup-uwv"));
        PlatformAdmin = platform.Gateway(platform.Tokens.PlatformAdmin("e2e-matrix-setup-platform-admin"));
    }

    public PlatformFixture Platform { get; }
    public DemoWorld Seeds => Platform.Seeds;

    public ApiClient DeskA { get; }
    public ApiClient AdminA { get; }
    public ApiClient AdminB { get; }
    public ApiClient Uwv { get; }
    public ApiClient PlatformAdmin { get; }

    public Guid VisitA { get; private set; }
    public Guid DraftOfferA { get; private set; }
    public string DraftOfferTitleA { get; private set; } = "";
    public Guid DraftOfferB { get; private set; }
    public string LocationA { get; private set; } = "";
    public string LocationB { get; private set; } = "";
    public Guid ReferralIdUwv { get; private set; }
    public string ReferralCodeUwv { get; private set; } = "";

    public static async Task<MatrixWorld> GetAsync(PlatformFixture platform)
    {
        await Gate.WaitAsync();
        try
        {
            if (Made?.Platform != platform)
                Made = await MakeAsync(platform);
            return Made;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<MatrixWorld> MakeAsync(PlatformFixture platform)
    {
        var world = new MatrixWorld(platform);
        world.VisitA = await world.NewVisitAAsync().ContinueWith(t => t.Result.Json["id"]!.GetValue<Guid>());
        world.DraftOfferTitleA = "Concept matrix A " + Guid.NewGuid().ToString("N")[..8];
        world.DraftOfferA = (await world.AdminA.PostAsync("offers/v1/offers", world.OfferBodyA(world.DraftOfferTitleA)))
            .Expect(HttpStatusCode.Created).Json["offerId"]!.GetValue<Guid>();
        world.DraftOfferB = (await world.AdminB.PostAsync("offers/v1/offers", world.OfferBodyB()))
            .Expect(HttpStatusCode.Created).Json["offerId"]!.GetValue<Guid>();
        world.LocationA = (await world.AdminA.PostAsync("offers/v1/locations", world.LocationBodyA()))
            .Expect(HttpStatusCode.Created).Json["locationId"]!.GetValue<string>();
        world.LocationB = (await world.AdminB.PostAsync("offers/v1/locations", world.LocationBodyB()))
            .Expect(HttpStatusCode.Created).Json["locationId"]!.GetValue<string>();
        var referral = (await world.NewReferralUwvAsync()).Json;
        world.ReferralIdUwv = referral["id"]!.GetValue<Guid>();
        world.ReferralCodeUwv = referral["code"]!.GetValue<string>();
        return world;
    }

    public Task<ApiResponse> NewVisitAAsync() =>
        DeskA.PostAsync("registrations/v1/visits", Bodies.Visit(Seeds.MatrixLocationA, "apparaatgebruik"))
            .ContinueWith(t => t.Result.Expect(HttpStatusCode.Created));

    public Task<ApiResponse> NewReferralUwvAsync() =>
        Uwv.PostAsync("referrals/v1/referrals", ReferralBodyUwv())
            .ContinueWith(t => t.Result.Expect(HttpStatusCode.Created));

    public object ReferralBodyUwv() => Bodies.Referral("uwv", "uwv-uitkering", Seeds.MatrixLocationA);

    public object OfferBodyA(string? title = null) =>
        Bodies.Offer(Seeds.OrganisationA, Seeds.MatrixLocationA, title ?? DraftOfferTitleA);

    public object OfferBodyB() => Bodies.Offer(Seeds.OrganisationB, Seeds.MatrixLocationB, "Concept matrix B");

    public object LocationBodyA() =>
        Bodies.Location(Seeds.OrganisationA, "Servicepunt matrix A", "9741AB", "Groningen", "GM0014", "Groningen", "Groningen");

    public object LocationBodyB() =>
        Bodies.Location(Seeds.OrganisationB, "Servicepunt matrix B", "8913AB", "Leeuwarden", "GM0080", "Leeuwarden", "Fryslân");

    /// <summary>The current ETag of a resource, read by a set-up account allowed to see it.</summary>
    public async Task<IReadOnlyDictionary<string, string>> IfMatchAsync(ApiClient reader, string path) =>
        Headers.IfMatch((await reader.GetAsync(path)).Expect(HttpStatusCode.OK));
}
