using System.Collections.Concurrent;
using System.Net.Http.Json;
using IdoPlatform.Web.Platform;

namespace IdoPlatform.Web.Desk;

public sealed record DeskLocation(string LocationId, string Name);

/// <summary>An organisation's open IDO locations (from offers' public location search), kept for five minutes.</summary>
public sealed class DeskLocations(IHttpClientFactory clients, TimeProvider clock, ILogger<DeskLocations> logger)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<Guid, (IReadOnlyList<DeskLocation> Locations, DateTimeOffset Until)> _kept = new();

    public async Task<IReadOnlyList<DeskLocation>> OfAsync(Guid organisation, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_kept.TryGetValue(organisation, out var current) && current.Until > now)
            return current.Locations;
        try
        {
            var page = await clients.CreateClient(PlatformApi.Offers).GetFromJsonAsync<Paged<LocationHitDto>>(
                $"offers/v1/locations?organisationId={organisation}&hasIdo=true&pageSize=100", PlatformApi.Json, ct);
            var locations = (page?.Items ?? []).Select(h => h.Location).Where(l => !l.Closed)
                .Select(l => new DeskLocation(l.LocationId, l.Name)).OrderBy(l => l.Name, StringComparer.Ordinal).ToList();
            _kept[organisation] = (locations, now + KeepFor);
            return locations;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException
                                          && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Locations of {Organisation} not fetched: {Message}", organisation, exception.Message);
            return current.Locations ?? [];
        }
    }

    public static string NameOf(IReadOnlyList<DeskLocation> locations, string locationId) =>
        locations.FirstOrDefault(l => l.LocationId == locationId)?.Name ?? locationId;
}
