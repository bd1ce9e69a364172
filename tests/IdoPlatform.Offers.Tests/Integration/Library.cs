using System.Net;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Features.Offers;
using IdoPlatform.Offers.Features.Organisations;

namespace IdoPlatform.Offers.Tests.Integration;

/// <summary>Builds a library of its own for one test, through the API, so tests never see each other's data.</summary>
public sealed class Library(OffersApp app, Guid organisationId, string number)
{
    public Guid OrganisationId { get; } = organisationId;
    public string Number { get; } = number;
    public CurrentAccount AdminAccount { get; } = OffersApp.LibraryAdmin(organisationId);
    public HttpClient Admin => field ??= app.Client(AdminAccount);

    public static async Task<Library> Register(OffersApp app, string name = "Testbibliotheek")
    {
        var created = (await app.Client(OffersApp.PlatformAdmin())
            .Post("/offers/v1/organisations", new OrganisationRequest($"{name} {Guid.NewGuid():N}", "bibliotheek"))).Expect(HttpStatusCode.Created);
        return new Library(app, Guid.Parse(created["organisationId"]!.GetValue<string>()), created["number"]!.GetValue<string>());
    }

    /// <summary>A location at the given PC4 centroid; coordinates come from the postcode.</summary>
    public static LocationRequest LocationAt(string postcode, string city, string municipalityCode, string province) => new(
        Name: $"Vestiging {city}",
        Kind: "vestiging",
        Address: new AddressRequest("Teststraat", 1, null, null, postcode, city),
        Municipality: new MunicipalityRequest(municipalityCode, city),
        Province: province,
        OpeningHours: [new OpeningPeriodRequest("tuesday", "10:00", "17:00")],
        Ido: new IdoRequest(true, new DateOnly(2022, 1, 1), true));

    public async Task<string> AddLocation(LocationRequest request)
    {
        var created = (await Admin.Post("/offers/v1/locations", request)).Expect(HttpStatusCode.Created);
        return created["locationId"]!.GetValue<string>();
    }

    public static OfferRequest OfferAt(params string[] locationIds) => new(
        LocationIds: locationIds,
        OfferType: "ido-inloopspreekuur",
        Title: "Inloopspreekuur",
        Schedule: new ScheduleRequest(Recurrences: [new RecurrenceRequest("weekly", "tuesday", "10:00", "12:00", new DateOnly(2026, 1, 6))]));

    /// <summary>Drafts and publishes; returns the offer id.</summary>
    public async Task<Guid> Publish(OfferRequest request)
    {
        var (status, body, etag) = await Admin.Post("/offers/v1/offers", request);
        (status, body, etag).Expect(HttpStatusCode.Created);
        var id = body!["offerId"]!.GetValue<string>();
        (await Admin.Post($"/offers/v1/offers/{id}/publication", ifMatch: etag)).Expect(HttpStatusCode.OK);
        return Guid.Parse(id);
    }
}
