using System.Text.Json.Nodes;
using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.BuildingBlocks.Messaging.Inbox;
using IdoPlatform.Contracts.Offers;
using IdoPlatform.Referrals.Replica;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IdoPlatform.Referrals.Tests.Integration;

/// <summary>A location closed after a referral to it: the referral's look-up and the agency's list say where it
/// referred to (name, address) and since when that place is closed, from referrals' own replica, so an agency can
/// refer the citizen again. Read as JSON: the contract as a client sees it.</summary>
[Collection(ReferralsCollection.Name)]
public class ClosedLocationTests(ReferralsApp app)
{
    private static readonly Guid Organisation = Guid.NewGuid();

    [Fact]
    public async Task A_referral_to_a_closed_location_stays_issued_and_carries_the_location_with_its_closing_day()
    {
        var location = await ReferralTestData.OpenLocation(app, Organisation);
        var issued = await ReferralTestData.Issue(app, "toeslagen", location);
        var client = app.Client(ReferralsApp.Agency("toeslagen"));

        var open = await Json(client, $"/referrals/v1/referrals/{issued.Code}");
        AssertLocation(open["referral"]!["location"], location, closedOn: null);

        var closedOn = DutchCalendar.Today(app.Clock);
        var closure = Guid.NewGuid();
        await app.Publish(new LocationClosed(location, Organisation, closedOn, app.Clock.GetUtcNow()), closure);
        var dataSource = app.Services.GetRequiredService<NpgsqlDataSource>();
        await Eventually.Get(async () => await Inbox.WasHandled(dataSource, LocationReplicaConsumer.InboxName, closure) ? "handled" : null,
            _ => true, "the closure was handled");

        // The referral itself does not change: its code still counts at any IDO the citizen goes to.
        var detail = await Json(client, $"/referrals/v1/referrals/{issued.Code}");
        Assert.Equal("issued", detail["referral"]!["status"]!.GetValue<string>());
        AssertLocation(detail["referral"]!["location"], location, closedOn);

        var from = Uri.EscapeDataString(issued.IssuedAt.ToString("O"));
        var list = await Json(client, $"/referrals/v1/referrals?from={from}&pageSize=100");
        var row = list["items"]!.AsArray().Single(r => r!["code"]!.GetValue<string>() == issued.Code);
        AssertLocation(row!["location"], location, closedOn);
    }

    private static void AssertLocation(JsonNode? location, string id, DateOnly? closedOn)
    {
        Assert.NotNull(location);
        Assert.Equal($"Vestiging {id}", location["name"]?.GetValue<string>());
        Assert.Equal("Teststraat", location["address"]?["street"]?.GetValue<string>());
        Assert.Equal("Leiden", location["address"]?["city"]?.GetValue<string>());
        Assert.Equal(closedOn?.ToString("yyyy-MM-dd"), location["closedOn"]?.GetValue<string>());
    }

    private static async Task<JsonNode> Json(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }
}
