using IdoPlatform.BuildingBlocks.Geo;

namespace IdoPlatform.BuildingBlocks.Tests.Geo;

public class Pc4LookupTests
{
    /// <summary>A postcode file with two areas, so tests need no file on disk.</summary>
    private static Pc4Lookup Postcodes()
    {
        using var json = new MemoryStream("""{ "2311": [52.1564, 4.4897], "9711": [53.2167, 6.5696] }"""u8.ToArray());
        return Pc4Lookup.FromJson(json, "samples");
    }

    [Fact]
    public void A_postcode_finds_the_centroid_of_its_four_digit_area()
    {
        var lookup = Postcodes();
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
        var lookup = Pc4Lookup.Load(Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.json"));
        Assert.False(lookup.IsAvailable);
        Assert.False(lookup.TryFind("2311EZ", out _));
    }

    [Fact]
    public void An_unreadable_file_makes_postcode_search_unavailable_and_says_why()
    {
        var path = Path.Combine(Path.GetTempPath(), $"broken-pc4-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{ not json");
        try
        {
            var lookup = Pc4Lookup.Load(path);
            Assert.False(lookup.IsAvailable);
            Assert.Contains("onleesbaar", lookup.Problem);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_configured_pc4_file_is_read_when_present()
    {
        var path = "/work/shared/data/postcodes/pc4geoloc.json";
        if (!File.Exists(path)) return; // the file is environment data, never in the repo
        var centroids = Pc4Lookup.Load(path);
        Assert.True(centroids.IsAvailable);
        Assert.True(centroids.Count > 4000);
        var leiden = centroids.Find("2311")!.Value;
        Assert.InRange(leiden.MetersTo(new GeoPoint(52.1594, 4.4903)), 0, 2_000);
        Assert.False(Pc4Lookup.Load("/nonexistent.json").IsAvailable);
    }
}
