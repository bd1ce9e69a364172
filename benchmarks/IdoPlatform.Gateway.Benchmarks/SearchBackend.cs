using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace IdoPlatform.Gateway.Benchmarks;

/// <summary>How much a stand-in service spends on one request: CPU it burns (its own code, JSON,
/// the database driver) and time it waits (the database).</summary>
internal sealed record ServiceCost(string Name, int WorkMicroseconds, int DelayMilliseconds);

/// <summary>A stand-in offers service on a loopback port: the same small JSON page for every GET after
/// the cost chosen by the query (<c>?cost=i</c>).</summary>
internal static class SearchBackend
{
    private static readonly object Page = new
    {
        items = Enumerable.Range(1, 3).Select(i => new
        {
            id = Guid.Parse($"00000000-0000-0000-0000-00000000000{i}"),
            title = $"Spreekuur Digitale Overheid {i}",
            locationId = Guid.Parse("94fa902f-f87c-59db-b362-0f6f1616d492"),
            startsAt = new DateTimeOffset(2026, 12, i, 10, 0, 0, TimeSpan.Zero),
        }),
        page = 1,
        pageSize = 3,
    };

    public static async Task<(WebApplication App, Uri Address)> StartAsync(IReadOnlyList<ServiceCost> costs)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/health/live", () => "Healthy");
        // ?cost=i picks the cost, so the public and the token-protected path cost the same.
        app.MapGet("/offers/v1/{**rest}", async (int? cost) =>
        {
            var spend = costs[Math.Clamp(cost ?? 0, 0, costs.Count - 1)];
            Burn(spend.WorkMicroseconds);
            if (spend.DelayMilliseconds > 0) await Task.Delay(spend.DelayMilliseconds);
            return Results.Json(Page);
        });
        await app.StartAsync();
        return (app, AddressOf(app));
    }

    private static void Burn(int microseconds)
    {
        if (microseconds <= 0) return;
        var until = Stopwatch.GetTimestamp() + microseconds * Stopwatch.Frequency / 1_000_000;
        while (Stopwatch.GetTimestamp() < until) Thread.SpinWait(20);
    }

    public static Uri AddressOf(WebApplication app) =>
        new(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
}
