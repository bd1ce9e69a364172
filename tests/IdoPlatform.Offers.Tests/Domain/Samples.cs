using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Features.Offers;
using IdoPlatform.Offers.Features.OfferTypes;
using IdoPlatform.BuildingBlocks.Geo;

namespace IdoPlatform.Offers.Tests.Domain;

/// <summary>Valid requests and states that tests spoil one field at a time.</summary>
public static class Samples
{
    public static readonly Guid Library = Guid.Parse("11111111-1111-4111-8111-111111111111");
    public static readonly Guid OtherLibrary = Guid.Parse("22222222-2222-4222-8222-222222222222");

    /// <summary>A postcode file with two areas, so tests need no file on disk.</summary>
    public static Pc4Lookup Postcodes()
    {
        using var json = new MemoryStream("""{ "2311": [52.1564, 4.4897], "9711": [53.2167, 6.5696] }"""u8.ToArray());
        return Pc4Lookup.FromJson(json, "samples");
    }

    public static LocationRequest Location() => new(
        OrganisationId: Library,
        Name: "Bibliotheek Leiden Centrum",
        Kind: "vestiging",
        Address: new AddressRequest("Leeswijzerstraat", 12, "a", null, "2311 ez", "Leiden"),
        Municipality: new MunicipalityRequest("GM0546", "Leiden"),
        Province: "Zuid-Holland",
        Coordinates: new CoordinatesRequest(52.1601, 4.4970),
        OpeningHours: [new OpeningPeriodRequest("monday", "10:00", "17:00"), new OpeningPeriodRequest("saturday", "10:00", "14:00")],
        Ido: new IdoRequest(true, new DateOnly(2021, 3, 1), true),
        Visible: true);

    public static OfferType InloopType() => new("ido-inloopspreekuur",
    [
        new OfferTypeDefinition(1, "IDO-inloopspreekuur", "Vrije inloop",
            new OfferDefaults("spreekuur", ["digid", "toeslagen"], ["iedereen"], true, ["digid"], ["computers"], [])),
    ]);

    public static Location OpenLocation(string id = "NL-100001-0001", Guid? organisation = null) =>
        new(id, organisation ?? Library, "Demobibliotheek", (Location().Validate(Postcodes()).Facts)!, null);

    public static OfferValidationContext Context(params Location[] locations) =>
        new(Library, InloopType(), (locations.Length == 0 ? [OpenLocation()] : locations).ToDictionary(l => l.LocationId));

    public static OfferRequest Offer() => new(
        LocationIds: ["NL-100001-0001"],
        OfferType: "ido-inloopspreekuur",
        Title: "Inloopspreekuur digitale overheid",
        Description: "Hulp bij DigiD en toeslagen.",
        Schedule: new ScheduleRequest(
            Sessions: [new SessionRequest(new DateOnly(2026, 12, 3), "10:00", "12:00")],
            Recurrences: [new RecurrenceRequest("weekly", "tuesday", "14:00", "16:00", new DateOnly(2026, 1, 6))],
            Exceptions: [new DateOnly(2026, 12, 29)]),
        ValidFrom: new DateOnly(2026, 1, 1),
        ValidTo: new DateOnly(2027, 12, 31));

    public static OfferContent Content() => Offer().Validate(Context()).Content!;

    public static Offer Draft(Guid? id = null) => new(id ?? Guid.NewGuid(), Library, Content(), OfferStatus.Draft);
}
