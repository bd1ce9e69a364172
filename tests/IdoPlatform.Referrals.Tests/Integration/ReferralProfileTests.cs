using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using IdoPlatform.Referrals.Features.ReferralProfiles;
using IdoPlatform.BuildingBlocks.Hosting;

namespace IdoPlatform.Referrals.Tests.Integration;

[Collection(ReferralsCollection.Name)]
public class ReferralProfileTests(ReferralsApp app)
{
    private static object Topic(string mayNot) => new
    {
        topic = "zorg",
        channel = "phone",
        contact = new { phone = "0800 1925", website = "https://www.hetcak.nl" },
        hours = new[] { new { day = "monday", opens = "09:00", closes = "17:00" } },
        idoMayDo = new[] { "Helpen inloggen met DigiD" },
        idoMayNotDo = new[] { mayNot },
    };

    private static HttpRequestMessage Put(object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/referrals/v1/referral-profiles/cak")
        {
            Content = JsonContent.Create(body, options: Http.Json),
        };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    [Fact]
    public async Task The_agency_revises_its_profile_with_optimistic_concurrency_and_history()
    {
        var cak = app.Client(ReferralsApp.Agency("cak"));
        var start = await cak.GetAsync("/referrals/v1/referral-profiles/cak");
        var empty = await start.Read<ReferralProfileResponse>();
        Assert.Equal((0L, "\"0\""), (empty.Version, start.Headers.ETag?.Tag));
        Assert.Empty(empty.Topics);

        var first = await cak.SendAsync(Put(new { topics = new[] { Topic("Bezwaar maken namens de burger") } }, "\"0\""));
        var v1 = await first.Read<ReferralProfileResponse>();
        Assert.Equal((1L, "\"1\""), (v1.Version, first.Headers.ETag?.Tag));
        var zorg = Assert.Single(v1.Topics);
        Assert.Equal([new ServiceHoursResponse("monday", "09:00", "17:00")], zorg.Hours);

        // The same profile again changes nothing: no new version.
        var same = await (await cak.SendAsync(Put(new { topics = new[] { Topic("Bezwaar maken namens de burger") } }, "\"1\"")))
            .Read<ReferralProfileResponse>();
        Assert.Equal(1L, same.Version);

        var v2 = await (await cak.SendAsync(Put(new { topics = new[] { Topic("Betalingsregelingen afspreken") } }, "\"1\"")))
            .Read<ReferralProfileResponse>();
        Assert.Equal(2L, v2.Version);

        Assert.Equal(HttpStatusCode.PreconditionFailed,
            (await cak.SendAsync(Put(new { topics = new[] { Topic("Iets anders") } }, "\"1\""))).StatusCode);
        Assert.Equal(HttpStatusCode.PreconditionRequired,
            (await cak.SendAsync(Put(new { topics = new[] { Topic("Iets anders") } }, null))).StatusCode);

        var history = await (await app.Client(ReferralsApp.Desk(Guid.NewGuid())).GetAsync("/referrals/v1/referral-profiles/cak/history"))
            .Read<List<ReferralProfileRevisionResponse>>();
        Assert.Equal([1L, 2L], history.Select(h => h.Version));
        Assert.Equal(["Bezwaar maken namens de burger"], history[0].Topics.Single().IdoMayNotDo);
        Assert.Equal(["Betalingsregelingen afspreken"], history[1].Topics.Single().IdoMayNotDo);
    }

    [Fact]
    public async Task Every_bad_field_of_a_profile_is_named_and_nothing_is_stored()
    {
        var cak = app.Client(ReferralsApp.Agency("cak"));
        var before = await (await cak.GetAsync("/referrals/v1/referral-profiles/cak")).Read<ReferralProfileResponse>();
        var bad = new
        {
            topics = new object[]
            {
                new { topic = "ruimtevaart", channel = "duif", contact = new { website = "ftp://x" }, hours = new[] { new { day = "zondag", opens = "9", closes = "17:00" } } },
            },
        };
        var names = await (await cak.SendAsync(Put(bad, "*"))).InvalidParams();
        Assert.Equal(
            ["topics[0].topic", "topics[0].channel", "topics[0].contact.website", "topics[0].hours[0].day", "topics[0].hours[0].opens"],
            names);
        // A NUL in any text would reach PostgreSQL (a 500 there); it is named like any bad field.
        var nul = await (await cak.SendAsync(Put(new { topics = new[] { Topic("Iets\0anders") } }, "*"))).InvalidParams();
        Assert.Equal(["topics[0].idoMayNotDo[0]"], nul);
        var after = await (await cak.GetAsync("/referrals/v1/referral-profiles/cak")).Read<ReferralProfileResponse>();
        Assert.Equal(before.Version, after.Version);
    }

    [Fact]
    public async Task Demo_profiles_are_seeded_once_and_unknown_agencies_are_404()
    {
        var desk = app.Client(ReferralsApp.Desk(Guid.NewGuid()));
        var toeslagen = await (await desk.GetAsync("/referrals/v1/referral-profiles/toeslagen")).Read<ReferralProfileResponse>();
        Assert.Equal(1L, toeslagen.Version);
        Assert.Equal("Dienst Toeslagen", toeslagen.AgencyName);

        // Seeding again appends nothing.
        var seeder = (DemoProfileSeeder)app.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().Single(s => s is DemoProfileSeeder);
        var seedFile = Path.Combine(RepositoryPaths.SeedsFolder(app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()), DemoProfileSeeder.FileName);
        Assert.Equal(0, await seeder.Seed(seedFile, CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, (await desk.GetAsync("/referrals/v1/referral-profiles/nasa")).StatusCode);
    }
}
