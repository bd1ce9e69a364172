using System.Net;
using IdoPlatform.LocalServers;
using Xunit.Abstractions;

namespace IdoPlatform.Web.Tests.Fixture;

/// <summary>The platform with a map: a local tile server stands in for PDOK's BRT achtergrondkaart (the tests have no
/// internet), so the pages draw Leaflet with real tiles and markers. Its own platform, as the setting is the web
/// service's for its lifetime.</summary>
public sealed class MapPlatformFixture(IMessageSink diagnostics) : WebPlatformFixture(diagnostics)
{
    // A valid 1×1 PNG: Leaflet scales every tile to 256×256.
    private static readonly byte[] Tile = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private readonly HttpListener _tiles = new();
    private readonly int _port = FreePort.Next();
    private int _served;

    /// <summary>Tiles the browser fetched so far.</summary>
    public int TilesServed => Volatile.Read(ref _served);

    protected override IEnumerable<KeyValuePair<string, string>> MoreSettings() =>
        [new("Web:Map:TileUrl", $"http://127.0.0.1:{_port}/tegels/{{z}}/{{x}}/{{y}}.png")];

    public override async Task InitializeAsync()
    {
        _tiles.Prefixes.Add($"http://127.0.0.1:{_port}/");
        _tiles.Start();
        _ = Task.Run(ServeTiles);
        await base.InitializeAsync();
    }

    private async Task ServeTiles()
    {
        while (_tiles.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _tiles.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            Interlocked.Increment(ref _served);
            context.Response.ContentType = "image/png";
            context.Response.ContentLength64 = Tile.Length;
            await context.Response.OutputStream.WriteAsync(Tile);
            context.Response.Close();
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _tiles.Close();
    }
}

[CollectionDefinition(Name)]
public sealed class MapPlatformCollection : ICollectionFixture<MapPlatformFixture>
{
    public const string Name = "web platform with a map";
}
