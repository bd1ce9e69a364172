using System.Net.Http.Json;
using IdoPlatform.Web.Platform;

namespace IdoPlatform.Web.Monitoring;

/// <summary>CBS municipality codes (monitoring counts by code) with their names, from offers' public location list,
/// kept for an hour: municipalities change once a year at most. A code not (yet) known shows as the code.</summary>
public sealed class MunicipalityNames(IHttpClientFactory clients, TimeProvider clock, ILogger<MunicipalityNames> logger)
{
    private static readonly TimeSpan KeepFor = TimeSpan.FromHours(1);
    private (IReadOnlyDictionary<string, string> Names, DateTimeOffset Until)? _kept;

    private sealed record Hit(Place Location);

    private sealed record Place(Municipality Municipality);

    private sealed record Municipality(string Code, string Name);

    public async Task<IReadOnlyDictionary<string, string>> GetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_kept is { } current && current.Until > now)
            return current.Names;
        try
        {
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            var client = clients.CreateClient(PlatformApi.Offers);
            for (var page = 1; page <= 50; page++)
            {
                var answer = await client.GetFromJsonAsync<Paged<Hit>>($"offers/v1/locations?pageSize=100&page={page}", PlatformApi.Json, ct);
                foreach (var hit in answer?.Items ?? [])
                    names.TryAdd(hit.Location.Municipality.Code, hit.Location.Municipality.Name);
                if (answer is null || page * 100 >= answer.TotalItems)
                    break;
            }
            _kept = (names, now + KeepFor);
            return names;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException
                                          && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Municipality names not fetched: {Message}", exception.Message);
            return _kept?.Names ?? new Dictionary<string, string>();
        }
    }
}
