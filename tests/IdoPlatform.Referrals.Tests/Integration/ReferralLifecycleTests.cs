using System.Globalization;
using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.BuildingBlocks.EventStore;
using System.Net;
using IdoPlatform.BuildingBlocks.Messaging.Inbox;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Referrals.Features.RecordArrival;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using IdoPlatform.Referrals.Features.Referrals;
using IdoPlatform.Referrals.Storage;

namespace IdoPlatform.Referrals.Tests.Integration;

[Collection(ReferralsCollection.Name)]
public class ReferralLifecycleTests(ReferralsApp app)
{
    private static readonly Guid Organisation = Guid.NewGuid();

    private Task<ReferralDetailResponse> WaitFor(string code, Func<ReferralDetailResponse, bool> done, string what) =>
        ReferralTestData.WaitFor(app, code, done, what);

    [Fact]
    public async Task A_visit_carrying_the_code_makes_the_referral_arrive_and_a_second_visit_changes_nothing()
    {
        var location = await ReferralTestData.OpenLocation(app, Organisation);
        var issued = await ReferralTestData.Issue(app, "toeslagen", location);
        Assert.Matches("^[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$", issued.Code);
        Assert.Equal(ReferralStatus.Issued, issued.Status);
        Assert.Equal(DutchCalendar.EndOf(DutchCalendar.DayOf(issued.IssuedAt).AddDays(ReferralsApp.ValidDays)), issued.ExpiresAt);

        // The desk types the code sloppily; it still counts.
        var visit = ReferralTestData.Visit(location, Organisation, issued.Code.Replace("-", " ").ToLowerInvariant(), app.Clock.GetUtcNow());
        await app.Publish(visit);
        var arrived = await WaitFor(issued.Code, d => d.Referral.Status == ReferralStatus.Arrived, "the referral arrived");
        Assert.Equal(visit.Visit.VisitId, arrived.Referral.VisitId);

        var second = ReferralTestData.Visit(location, Organisation, issued.Code, app.Clock.GetUtcNow());
        await app.Publish(second);
        // The detail reads the summary, then the history: wait for both, as the consumer may commit in between.
        var after = await WaitFor(issued.Code, d => d.Referral.IgnoredArrivals > 0 && d.History.Any(h => h.Kind == "arrival-ignored"),
            "the second visit is recorded as ignored");
        Assert.Equal(ReferralStatus.Arrived, after.Referral.Status);
        Assert.Equal(visit.Visit.VisitId, after.Referral.VisitId);
        Assert.Equal(1, after.Referral.IgnoredArrivals);
        var ignored = after.History.Single(h => h.Kind == "arrival-ignored");
        Assert.Equal((second.Visit.VisitId, "already-arrived"), (ignored.VisitId!.Value, ignored.Reason));
        Assert.Equal(["issued", "arrived", "arrival-ignored"], after.History.Select(h => h.Kind));
        // Stored under their stable names, never CLR names (which Marten would accept without complaint).
        var stored = await app.Services.GetRequiredService<EventStreams>().History(issued.Id);
        Assert.Equal(["referral-issued", "referral-arrived", "referral-arrival-ignored"], stored.Select(e => e.TypeAlias));

        // The relay told the rest of the platform: issued, then arrived (nothing for the ignored visit).
        Assert.Equal(["ReferralIssued", "ReferralArrived"], await app.Relayed.TypesFor(issued.Code, "ReferralArrived"));
    }

    [Fact]
    public async Task A_redelivered_visit_message_has_no_second_effect()
    {
        var location = await ReferralTestData.OpenLocation(app, Organisation);
        var issued = await ReferralTestData.Issue(app, "toeslagen", location);
        var visit = ReferralTestData.Visit(location, Organisation, issued.Code, app.Clock.GetUtcNow());
        var messageId = Guid.NewGuid();
        await app.Publish(visit, messageId);
        await WaitFor(issued.Code, d => d.Referral.Status == ReferralStatus.Arrived, "the referral arrived");

        await app.Publish(visit, messageId);           // the broker redelivers: the inbox drops it
        var republished = Guid.NewGuid();
        await app.Publish(visit, republished);         // registrations re-publishes the same visit: already seen
        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
        await Eventually.Get(async () => await Inbox.WasHandled(dataSource, VisitConsumer.InboxName, republished) ? "handled" : null,
            _ => true, "the re-published visit was handled");

        var after = await ReferralTestData.Detail(app, "toeslagen", issued.Code);
        Assert.Equal(["issued", "arrived"], after.History.Select(h => h.Kind));
        Assert.Equal(visit.Visit.VisitId, after.Referral.VisitId);
    }

    [Fact]
    public async Task A_taken_code_fails_the_whole_issue_with_the_constraint_the_endpoint_retries_on()
    {
        var location = await ReferralTestData.OpenLocation(app, Organisation);
        var first = await ReferralTestData.Issue(app, "toeslagen", location);
        var streams = app.Services.GetRequiredService<EventStreams>();
        var taken = first with { Id = Guid.NewGuid() };
        var subject = new ReferralSubject(taken.Id, taken.Code, taken.Agency, taken.Topic, taken.LocationId, Organisation,
            taken.Method, "GM0935", "Limburg");

        var collision = await Assert.ThrowsAsync<PostgresException>(() => streams.Start<Referral>(taken.Id,
            [new ReferralIssued(subject, taken.IssuedAt, taken.ExpiresAt)], AppendContext.System));
        Assert.Equal(ReferralReadProjection.CodeConstraint, collision.ConstraintName);
        Assert.Empty(await streams.History(taken.Id)); // the events rolled back with the read model
    }

    [Fact]
    public async Task A_retried_issue_with_the_same_idempotency_key_returns_the_first_referral()
    {
        var location = await ReferralTestData.OpenLocation(app, Organisation);
        var client = app.Client(ReferralsApp.Agency("belastingdienst"));
        var key = Guid.NewGuid().ToString();
        async Task<ReferralResponse> Post()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/referrals/v1/referrals")
            {
                Content = System.Net.Http.Json.JsonContent.Create(
                    new { agency = "belastingdienst", topic = "belastingen", locationId = location, method = "named-place" }, options: Http.Json),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await (await client.SendAsync(request)).Read<ReferralResponse>(HttpStatusCode.Created);
        }
        var first = await Post();
        var retry = await Post();
        Assert.Equal(first.Code, retry.Code);
        Assert.Equal(first.Id, retry.Id);

        // As if the first answer was never stored (the instance died right after the append): still the first one.
        await app.Scalar("DELETE FROM idempotency_keys WHERE key = $1", key);
        var afterLoss = await Post();
        Assert.Equal((first.Id, first.Code), (afterLoss.Id, afterLoss.Code));
        Assert.Equal(1, await app.EventCount(first.Id));
    }

    [Fact]
    public async Task A_desk_of_the_organisation_referred_to_can_look_the_code_up()
    {
        var location = await ReferralTestData.OpenLocation(app, Organisation);
        var issued = await ReferralTestData.Issue(app, "uwv", location, topic: "uwv-uitkering", method: "warm-handover");

        var desk = await app.Client(ReferralsApp.Desk(Organisation)).GetAsync($"/referrals/v1/referrals/{issued.Code}");
        var detail = await desk.Read<ReferralDetailResponse>();
        Assert.Equal(("uwv", "uwv-uitkering", "warm-handover"), (detail.Referral.Agency, detail.Referral.Topic, detail.Referral.Method));
        Assert.Equal("\"1\"", desk.Headers.ETag?.Tag);

        var otherDesk = await app.Client(ReferralsApp.Desk(Guid.NewGuid())).GetAsync($"/referrals/v1/referrals/{issued.Code}");
        Assert.Equal(HttpStatusCode.NotFound, otherDesk.StatusCode);
    }

    [Fact]
    public async Task The_agency_can_cancel_and_a_later_visit_is_ignored()
    {
        var location = await ReferralTestData.OpenLocation(app, Organisation);
        var issued = await ReferralTestData.Issue(app, "toeslagen", location);
        var agency = app.Client(ReferralsApp.Agency("toeslagen"));

        var cancelled = await (await agency.PostAsync($"/referrals/v1/referrals/{issued.Code}/cancellation", null)).Read<ReferralResponse>();
        Assert.Equal(ReferralStatus.Cancelled, cancelled.Status);
        var again = await (await agency.PostAsync($"/referrals/v1/referrals/{issued.Code}/cancellation", null)).Read<ReferralResponse>();
        Assert.Equal(ReferralStatus.Cancelled, again.Status);

        await app.Publish(ReferralTestData.Visit(location, Organisation, issued.Code, app.Clock.GetUtcNow()));
        var after = await WaitFor(issued.Code, d => d.History.Any(h => h.Kind == "arrival-ignored"), "the visit is recorded as ignored");
        Assert.Equal(ReferralStatus.Cancelled, after.Referral.Status);
        Assert.Equal("cancelled", after.History.Single(h => h.Kind == "arrival-ignored").Reason);
        Assert.Equal(["issued", "cancelled", "arrival-ignored"], after.History.Select(h => h.Kind));
        Assert.Equal(["ReferralIssued", "ReferralCancelled"], await app.Relayed.TypesFor(issued.Code, "ReferralCancelled"));
    }

    [Fact]
    public async Task An_arrived_referral_cannot_be_cancelled()
    {
        var location = await ReferralTestData.OpenLocation(app, Organisation);
        var issued = await ReferralTestData.Issue(app, "toeslagen", location);
        await app.Publish(ReferralTestData.Visit(location, Organisation, issued.Code, app.Clock.GetUtcNow()));
        await WaitFor(issued.Code, d => d.Referral.Status == ReferralStatus.Arrived, "the referral arrived");

        var response = await app.Client(ReferralsApp.Agency("toeslagen")).PostAsync($"/referrals/v1/referrals/{issued.Code}/cancellation", null);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task A_stale_If_Match_refuses_a_cancellation_and_one_past_the_expiry_moment_expires_the_referral()
    {
        var location = await ReferralTestData.OpenLocation(app, Organisation);
        var issued = await ReferralTestData.Issue(app, "toeslagen", location);
        var agency = app.Client(ReferralsApp.Agency("toeslagen"));

        var stale = new HttpRequestMessage(HttpMethod.Post, $"/referrals/v1/referrals/{issued.Code}/cancellation");
        stale.Headers.TryAddWithoutValidation("If-Match", "\"2\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await agency.SendAsync(stale)).StatusCode);
        Assert.Equal(["issued"], (await ReferralTestData.Detail(app, "toeslagen", issued.Code)).History.Select(h => h.Kind));

        // Past its expiry moment (whether or not the sweep got there first) the referral has ended: 409, and expired.
        app.Clock.Advance(issued.ExpiresAt - app.Clock.GetUtcNow() + TimeSpan.FromHours(1));
        var late = await agency.PostAsync($"/referrals/v1/referrals/{issued.Code}/cancellation", null);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        var after = await ReferralTestData.Detail(app, "toeslagen", issued.Code);
        Assert.Equal((ReferralStatus.Expired, issued.ExpiresAt), (after.Referral.Status, after.Referral.EndedAt));
        Assert.Equal(["issued", "expired"], after.History.Select(h => h.Kind));
    }

    [Fact]
    public async Task The_agency_lists_its_own_referrals_filtered_by_status_and_period()
    {
        var location = await ReferralTestData.OpenLocation(app, Organisation);
        var since = app.Clock.GetUtcNow().AddSeconds(-1);
        var first = await ReferralTestData.Issue(app, "cjib", location, topic: "boetes");
        var second = await ReferralTestData.Issue(app, "cjib", location, topic: "boetes");
        await ReferralTestData.Issue(app, "cbr", location, topic: "rijbewijs");
        await app.Client(ReferralsApp.Agency("cjib")).PostAsync($"/referrals/v1/referrals/{second.Code}/cancellation", null);

        var client = app.Client(ReferralsApp.Agency("cjib"));
        var from = Uri.EscapeDataString(since.ToString("yyyy-MM-ddTHH:mm:ssZ"));
        var all = await (await client.GetAsync($"/referrals/v1/referrals?from={from}")).Read<Paged<ReferralResponse>>();
        Assert.All(all.Items, r => Assert.Equal("cjib", r.Agency));
        Assert.Contains(all.Items, r => r.Code == first.Code);
        Assert.Contains(all.Items, r => r.Code == second.Code);

        // The same moments written with offsets (Dutch winter time, and west of UTC) find the same referrals.
        string WithOffset(DateTimeOffset at, int hours) =>
            Uri.EscapeDataString(at.ToOffset(TimeSpan.FromHours(hours)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture));
        var withOffsets = await client.GetAsync($"/referrals/v1/referrals?from={WithOffset(since, 1)}&to={WithOffset(app.Clock.GetUtcNow().AddHours(1), -1)}");
        Assert.Equal(all.Items.Select(r => r.Code), (await withOffsets.Read<Paged<ReferralResponse>>()).Items.Select(r => r.Code));

        var issuedOnly = await (await client.GetAsync($"/referrals/v1/referrals?agency=cjib&status=issued&from={from}")).Read<Paged<ReferralResponse>>();
        Assert.Contains(issuedOnly.Items, r => r.Code == first.Code);
        Assert.DoesNotContain(issuedOnly.Items, r => r.Code == second.Code);

        var paged = await client.GetAsync($"/referrals/v1/referrals?from={from}&pageSize=1");
        Assert.Single((await paged.Read<Paged<ReferralResponse>>()).Items);
        Assert.Contains("rel=\"next\"", paged.Headers.GetValues("Link").Single());

        var bad = await client.GetAsync("/referrals/v1/referrals?status=lost&from=yesterday&agency=nasa");
        Assert.Equal(["agency", "status", "from"], await bad.InvalidParams());
        var edges = await client.GetAsync("/referrals/v1/referrals?from=0001-01-01&to=9999-12-31T00:00:00Z");
        Assert.Equal(["from", "to"], await edges.InvalidParams());
    }
}
