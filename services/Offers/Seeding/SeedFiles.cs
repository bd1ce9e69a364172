using System.Text.Json;
using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Features.Offers;
using IdoPlatform.Offers.Features.OfferTypes;
using IdoPlatform.Offers.Features.Organisations;

namespace IdoPlatform.Offers.Seeding;

/// <param name="Version">The version this seed describes; a running service only takes it when it is newer than its own.</param>
public sealed record SeedOfferType(int Version, OfferTypeRequest Request);

public sealed record SeedOrganisation(Guid Id, string Number, string Name, string Kind, bool Visible);

public sealed record SeedLocation(string LocationId, LocationRequest Request);

public sealed record SeedOffer(Guid OfferId, bool Publish, OfferRequest Request);

/// <summary>Reads seeds/offer-types.json, demo-libraries.json and demo-offers.json (the requests' own shapes plus ids).</summary>
public static class SeedFiles
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<SeedOfferType> OfferTypes(string seedsFolder) =>
        Array(seedsFolder, "offer-types.json", "offerTypes")
            .Select(e => new SeedOfferType(e.TryGetProperty("version", out var v) ? v.GetInt32() : 1, e.Deserialize<OfferTypeRequest>(Json)!))
            .ToList();

    public static IReadOnlyList<SeedOrganisation> Organisations(string seedsFolder) =>
        Array(seedsFolder, "demo-libraries.json", "organisations").Select(e => e.Deserialize<SeedOrganisation>(Json)!).ToList();

    public static IReadOnlyList<SeedLocation> Locations(string seedsFolder) =>
        Array(seedsFolder, "demo-libraries.json", "locations")
            .Select(e => new SeedLocation(e.GetProperty("locationId").GetString()!, e.Deserialize<LocationRequest>(Json)!)).ToList();

    public static IReadOnlyList<SeedOffer> Offers(string seedsFolder) =>
        Array(seedsFolder, "demo-offers.json", "offers")
            .Select(e => new SeedOffer(e.GetProperty("offerId").GetGuid(),
                e.TryGetProperty("publish", out var publish) && publish.GetBoolean(),
                e.Deserialize<OfferRequest>(Json)!)).ToList();

    public static OrganisationFacts Facts(SeedOrganisation o) => new(o.Name, o.Kind, o.Visible);

    private static IEnumerable<JsonElement> Array(string seedsFolder, string file, string property)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(seedsFolder, file)));
        return document.RootElement.GetProperty(property).EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
