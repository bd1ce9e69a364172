using IdoPlatform.BuildingBlocks.Geo;

namespace IdoPlatform.BuildingBlocks.Tests.Geo;

public class DutchPostcodeTests
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

    [Theory]
    [InlineData("2311EZ", "2311EZ")]
    [InlineData("2311 ez", "2311EZ")]
    [InlineData("0311EZ", null)]
    [InlineData("2311SS", null)]
    [InlineData("2311E", null)]
    [InlineData("23111EZ", null)]
    public void Postcodes_are_normalized_or_refused(string input, string? expected) =>
        Assert.Equal(expected, DutchPostcode.Normalize(input));
}
