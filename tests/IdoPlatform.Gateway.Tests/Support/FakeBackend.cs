using System.Collections.Concurrent;
using System.Text.Json;
using IdoPlatform.LocalServers;

namespace IdoPlatform.Gateway.Tests.Support;

/// <summary>A small stand-in for one service on a real loopback port, only for the gateway's own HTTP
/// behaviour (routing, failures, limits). It can be stopped and started again on the same port.
/// Paths decide what it does:
/// <list type="bullet">
/// <item><c>/health/live</c>, <c>/health/ready</c>: 200, not counted.</item>
/// <item><c>…/slow</c>: never answers until the caller gives up.</item>
/// <item><c>…/flaky</c>: the first request per path is cut off without an answer, the next ones succeed.</item>
/// <item><c>…/broken</c>: every request is cut off without an answer.</item>
/// <item><c>…/bytes?n=N</c>: N bytes of <c>x</c>, streamed in flushed 4 KB pieces (chunked, no length).</item>
/// <item>anything else: echoes method, path, query, headers and body length as JSON.</item>
/// </list></summary>
public sealed class FakeBackend : IAsyncDisposable
{
    public const string ServiceApiVersion = "9.8.7";

    private readonly ConcurrentDictionary<string, int> _attempts = new();
    private WebApplication? _app;

    private FakeBackend(int port) => Port = port;

    public int Port { get; }
    public string Address => $"http://127.0.0.1:{Port}";
    public bool IsRunning => _app is not null;

    /// <summary>False: <c>/health/ready</c> answers 503 (as a service does while RabbitMQ is down) while
    /// everything else still works.</summary>
    public bool Ready { get; set; } = true;

    /// <summary>False: <c>/health/live</c> answers 503 too, so the gateway's probe finds it down, while
    /// requests that still reach it are answered (and counted).</summary>
    public bool Alive { get; set; } = true;

    /// <summary>True: every request but the health probes is cut off without an answer (a replica dying mid-request).</summary>
    public bool CutsOffEverything { get; set; }

    /// <summary>How many requests reached this path (health probes are not counted).</summary>
    public int AttemptsAt(string path) => _attempts.GetValueOrDefault(path);

    public static async Task<FakeBackend> StartAsync()
    {
        var backend = new FakeBackend(FreePort.Next());
        await backend.StartAgainAsync();
        return backend;
    }

    /// <summary>A backend that is never started: its address refuses connections.</summary>
    public static FakeBackend NeverStarted() => new(FreePort.Next());

    public async Task StartAgainAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(Address);
        var app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();
        _app = app;
    }

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        if ((path == "/health/ready" && !Ready) || (path == "/health/live" && !Alive))
        {
            http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        if (path is "/health/live" or "/health/ready")
        {
            await http.Response.WriteAsync("Healthy");
            return;
        }

        var attempt = _attempts.AddOrUpdate(path, 1, (_, n) => n + 1);
        if (path.EndsWith("/slow"))
        {
            await Task.Delay(Timeout.Infinite, http.RequestAborted);
            return;
        }
        if (CutsOffEverything || path.EndsWith("/broken") || (path.EndsWith("/flaky") && attempt == 1))
        {
            http.Abort();
            return;
        }

        if (path.EndsWith("/bytes"))
        {
            var size = int.Parse(http.Request.Query["n"].ToString(), System.Globalization.CultureInfo.InvariantCulture);
            var piece = new byte[4096];
            Array.Fill(piece, (byte)'x');
            for (var sent = 0; sent < size; sent += piece.Length)
            {
                await http.Response.Body.WriteAsync(piece.AsMemory(0, Math.Min(piece.Length, size - sent)), http.RequestAborted);
                await http.Response.Body.FlushAsync(http.RequestAborted);
            }
            return;
        }

        var bodyLength = 0L;
        var buffer = new byte[8192];
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
            bodyLength += read;

        http.Response.Headers["API-Version"] = ServiceApiVersion;
        await http.Response.WriteAsJsonAsync(new EchoedRequest(
            http.Request.Method,
            path,
            http.Request.QueryString.Value ?? "",
            http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
            bodyLength,
            attempt));
    }

    public ValueTask DisposeAsync() => new(StopAsync());
}

/// <summary>What <see cref="FakeBackend"/> saw of a request.</summary>
public sealed record EchoedRequest(string Method, string Path, string Query, Dictionary<string, string> Headers, long BodyLength, int Attempt)
{
    public static async Task<EchoedRequest> ReadAsync(HttpResponseMessage response)
    {
        var echoed = await response.Content.ReadFromJsonAsync<EchoedRequest>(JsonSerializerOptions.Web);
        return echoed ?? throw new InvalidOperationException("Empty echo.");
    }

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
