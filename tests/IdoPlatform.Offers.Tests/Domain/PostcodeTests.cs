using IdoPlatform.Offers.Geo;

namespace IdoPlatform.Offers.Tests.Domain;

public class PostcodeTests
{
    [Theory]
    [InlineData("2311EZ", "2311EZ")]
    [InlineData("2311 ez", "2311EZ")]
    [InlineData(" 9711AB ", "9711AB")]
    public void Valid_postcodes_are_stored_compact_and_upper_case(string input, string expected)
    {
        Assert.True(DutchPostcode.TryNormalize(input, out var postcode));
        Assert.Equal(expected, postcode);
    }

    [Theory]
    [InlineData("0311EZ")]
    [InlineData("2311")]
    [InlineData("2311E")]
    [InlineData("231EZ")]
    [InlineData("2311SA")]
    [InlineData("2311SD")]
    [InlineData("2311SS")]
    [InlineData("2311-EZ")]
    [InlineData("")]
    [InlineData(null)]
    public void Invalid_postcodes_are_refused(string? input) => Assert.False(DutchPostcode.IsValid(input));

    [Fact]
    public void A_postcode_finds_the_centroid_of_its_four_digit_area()
    {
        var lookup = Samples.Postcodes();
        Assert.True(lookup.IsAvailable);
        Assert.True(lookup.TryFind("2311EZ", out var full));
        Assert.True(lookup.TryFind("2311 ab", out var spaced));
        Assert.True(lookup.TryFind("2311", out var pc4));
        Assert.Equal(new GeoPoint(52.1564, 4.4897), full);
        Assert.Equal(full, spaced);
        Assert.Equal(full, pc4);
        Assert.False(lookup.TryFind("1011AB", out _));
        Assert.False(lookup.TryFind("nonsense", out _));
    }

    [Fact]
    public void Without_a_file_postcode_search_is_unavailable()
    {
        var lookup = Pc4Lookup.LoadOrUnavailable(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json"));
        Assert.False(lookup.IsAvailable);
        Assert.False(lookup.TryFind("2311EZ", out _));
    }
}
