using IdoPlatform.BuildingBlocks.Geo;
using Microsoft.Extensions.DependencyInjection;
using IdoPlatform.Contracts.Offers;
using IdoPlatform.Contracts.Registrations;
using IdoPlatform.Referrals.Features.Referrals;

namespace IdoPlatform.Referrals.Tests.Integration;

/// <summary>Steps shared by the referral tests: a location in the replica, a referral issued to it, a visit.</summary>
public static class ReferralTestData
{
    /// <summary>Registers an open IDO location at a random PC4 centroid (so every test has its own spot, away
    /// from the look-up tests' places) and waits until the replica has it.</summary>
    public static async Task<string> OpenLocation(ReferralsApp app, Guid organisation)
    {
        var centroids = app.Services.GetRequiredService<Pc4Lookup>();
        var areas = centroids.Areas.Where(a => a is not ("2311" or "9711")).ToArray();
        var area = areas[Random.Shared.Next(areas.Length)];
        var at = centroids.Find(area)!.Value;
        var id = Places.NewLocationId();
        await app.Publish(new LocationRegistered(Places.Location(id, organisation, at.Latitude, at.Longitude), DateTimeOffset.UtcNow));
        var client = app.Client(ReferralsApp.Desk(organisation));
        await Eventually.Get(async () =>
            {
                var r = await client.GetAsync($"/referrals/v1/referral-locations?postcode={area}AB&limit=50");
                var body = await r.Read<Features.NearestLocations.ReferralLocationsResponse>();
                return body.Locations.Any(l => l.LocationId == id) ? body : null;
            }, _ => true, $"location {id} is in the replica");
        return id;
    }

    public static async Task<ReferralResponse> Issue(ReferralsApp app, string agency, string locationId, string topic = "toeslagen",
        string method = "named-place")
    {
        var response = await app.Client(ReferralsApp.Agency(agency))
            .PostJson("/referrals/v1/referrals", new { agency, topic, locationId, method });
        return await response.Read<ReferralResponse>(System.Net.HttpStatusCode.Created);
    }

    public static VisitRegistered Visit(string locationId, Guid organisation, string? code, DateTimeOffset occurredAt) =>
        new(new VisitSnapshot(Guid.NewGuid(), 1, locationId, organisation, "GM0935", "Maastricht", "Limburg", occurredAt,
                "in-person", [new QuestionCodes("toeslagen", "digital-government", "toeslagen", "10-20", ["explained"], null, null)],
                code),
            occurredAt);

    /// <summary>The referral's detail once <paramref name="done"/> holds for it.</summary>
    public static Task<ReferralDetailResponse> WaitFor(ReferralsApp app, string code, Func<ReferralDetailResponse, bool> done,
        string what) => Eventually.Get(async () => await Detail(app, "toeslagen", code), done, what);

    public static Task<ReferralDetailResponse> Detail(ReferralsApp app, string agency, string code) =>
        app.Client(ReferralsApp.Agency(agency)).GetAsync($"/referrals/v1/referrals/{code}")
            .ContinueWith(t => t.Result.Read<ReferralDetailResponse>()).Unwrap();
}
