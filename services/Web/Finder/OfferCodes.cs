using System.Net.Http.Json;
using IdoPlatform.Web.Platform;

namespace IdoPlatform.Web.Finder;

/// <summary>The offers service's code lists (Dutch labels for what to bring and the like), kept for ten minutes; a
/// code shows as itself while the service cannot be asked.</summary>
public sealed class OfferCodes(IHttpClientFactory clients, TimeProvider clock, ILogger<OfferCodes> logger)
{
    public const string WhatToBring = "whatToBring";

    private sealed record CodeView(string Code, string Label);

    private sealed record CodeListView(string Name, IReadOnlyList<CodeView> Codes);

    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);
    private (IReadOnlyDictionary<(string List, string Code), string> Labels, DateTimeOffset Until)? _kept;

    public async Task<Func<string, string, string>> LabelsAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_kept is not { } current || current.Until <= now)
        {
            try
            {
                var lists = await clients.CreateClient(PlatformApi.Offers)
                    .GetFromJsonAsync<List<CodeListView>>("offers/v1/code-lists", PlatformApi.Json, ct) ?? [];
                _kept = (lists.SelectMany(l => l.Codes.Select(c => (Key: (l.Name, c.Code), c.Label)))
                    .DistinctBy(x => x.Key).ToDictionary(x => x.Key, x => x.Label), now + KeepFor);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException
                                              && !ct.IsCancellationRequested)
            {
                logger.LogWarning("Offers code lists not fetched: {Message}", exception.Message);
            }
        }
        var labels = _kept?.Labels;
        return (list, code) => labels is not null && labels.TryGetValue((list, code), out var label) ? label : code;
    }
}
