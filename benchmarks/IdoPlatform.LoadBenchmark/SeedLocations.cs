using System.Text.Json;

namespace IdoPlatform.LoadBenchmark;

/// <summary>A location of the desk's organisation where visits may be registered, from the demo seeds.</summary>
public static class SeedLocations
{
    public static string FirstIdoLocation(string repositoryRoot, Guid organisationId)
    {
        var path = Path.Combine(repositoryRoot, "seeds", "demo-libraries.json");
        using var json = JsonDocument.Parse(File.ReadAllText(path));
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        foreach (var location in json.RootElement.GetProperty("locations").EnumerateArray())
        {
            var ido = location.GetProperty("ido");
            if (location.GetProperty("organisationId").GetGuid() == organisationId
                && ido.GetProperty("hasIdo").GetBoolean()
                && ido.GetProperty("openedOn").GetString() is { } opened && DateOnly.Parse(opened, System.Globalization.CultureInfo.InvariantCulture) <= today)
                return location.GetProperty("locationId").GetString()!;
        }
        throw new InvalidOperationException($"No location with an IDO for organisation {organisationId} in {path}.");
    }
}
