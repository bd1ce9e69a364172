using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.BuildingBlocks.Geo;

namespace IdoPlatform.Offers.Tests.Domain;

public class LocationValidationTests
{
    [Fact]
    public void A_valid_request_becomes_normalized_facts()
    {
        var (facts, errors) = Samples.Location().Validate(Samples.Postcodes());
        Assert.Empty(errors.Errors);
        Assert.Equal("2311EZ", facts!.Address.Postcode);
        Assert.Equal("A", facts.Address.HouseLetter);
        Assert.Equal([DayOfWeek.Monday, DayOfWeek.Saturday], facts.OpeningHours.Select(p => p.Day));
    }

    [Fact]
    public void Every_bad_field_is_named_at_once()
    {
        var request = Samples.Location() with
        {
            Name = " ",
            Kind = "kasteel",
            Address = new AddressRequest("Straat", 0, "ab", null, "2311SS", "Leiden"),
            Municipality = new MunicipalityRequest("0546", "Leiden"),
            Province = "Brabant",
            Coordinates = new CoordinatesRequest(48.85, 2.35),
            OpeningHours = [new OpeningPeriodRequest("maandag", "17:00", "10:00")],
        };
        var (facts, errors) = request.Validate(Samples.Postcodes());
        Assert.Null(facts);
        Assert.Equal(
            new[] { "address.houseLetter", "address.houseNumber", "address.postcode", "coordinates", "kind", "municipality.code", "name",
                "openingHours[0].closes", "openingHours[0].day", "province" },
            errors.Errors.Select(e => e.Name).Distinct().Order());
    }

    [Fact]
    public void Without_coordinates_the_postcode_centroid_is_taken()
    {
        var (facts, errors) = (Samples.Location() with { Coordinates = null }).Validate(Samples.Postcodes());
        Assert.Empty(errors.Errors);
        Assert.Equal(new Coordinates(52.1564, 4.4897), facts!.Coordinates);
    }

    [Fact]
    public void Without_coordinates_and_without_the_postcode_file_coordinates_are_required()
    {
        var (_, errors) = (Samples.Location() with { Coordinates = null }).Validate(Pc4Lookup.Unavailable);
        Assert.Equal("coordinates", Assert.Single(errors.Errors).Name);
    }

    [Fact]
    public void Overlapping_opening_hours_on_one_day_are_refused()
    {
        var request = Samples.Location() with
        {
            OpeningHours = [new OpeningPeriodRequest("monday", "09:00", "12:00"), new OpeningPeriodRequest("monday", "11:00", "13:00")],
        };
        Assert.Equal("openingHours[1]", Assert.Single(request.Validate(Samples.Postcodes()).Errors.Errors).Name);
    }

    [Fact]
    public void An_ido_opening_date_needs_an_ido()
    {
        var request = Samples.Location() with { Ido = new IdoRequest(false, new DateOnly(2021, 1, 1), true) };
        Assert.Equal("ido.openedOn", Assert.Single(request.Validate(Samples.Postcodes()).Errors.Errors).Name);
    }
}
