using System.Text.Json;
using IdoPlatform.LocalServers;

namespace IdoPlatform.Launcher.Local;

/// <summary><c>./ido status</c>: whether <c>./ido up</c> runs, and for each part its address and whether it is ready.</summary>
public static class StatusCommand
{
    public static async Task<int> RunAsync(string root)
    {
        var folders = new LocalFolders(root);
        if (RunningUp.Read(folders) is not { IsAlive: true } running)
        {
            Console.WriteLine("IdoPlatform is not running (start it with ./ido up).");
            return 3; // as `systemctl status` says "not running"
        }
        if (UpState.Read(folders) is not { } state)
        {
            Console.WriteLine($"IdoPlatform is starting (./ido up, pid {running.Pid}); ask again in a moment.");
            return 0;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        Console.WriteLine($"IdoPlatform is running (./ido up, pid {running.Pid}, since {state.StartedAt:yyyy-MM-dd HH:mm:ss}).");
        Console.WriteLine();
        Console.WriteLine($"  {"part",-16} {"address",-26} {"pid",-8} state");
        var allReady = true;
        foreach (var part in state.Processes.OrderBy(p => p.Name == "gateway" ? 0 : 1))
        {
            var (ready, detail) = await ReadinessAsync(http, part);
            allReady &= ready;
            var alive = part.Pid is { } pid && Posix.StartTime(pid) is not null;
            Console.WriteLine($"  {part.Name,-16} {part.Url,-26} {(alive ? part.Pid.ToString() : "-"),-8} {detail}");
        }
        var postgres = await FreePort.Accepts(state.PostgresPort);
        var amqp = await FreePort.Accepts(state.AmqpPort);
        allReady &= postgres && amqp;
        Console.WriteLine($"  {"postgresql",-16} {$"127.0.0.1:{state.PostgresPort}",-26} {"",-8} {(postgres ? "accepts connections" : "NOT answering")}");
        Console.WriteLine($"  {"rabbitmq",-16} {$"127.0.0.1:{state.AmqpPort}",-26} {"",-8} {(amqp ? "accepts connections" : "NOT answering")} (management :{state.ManagementPort})");
        Console.WriteLine();
        Console.WriteLine($"API docs: {new Uri(state.Gateway, "docs")}   logs: {Path.GetRelativePath(root, state.Logs)}/");
        return allReady ? 0 : 1;
    }

    private static async Task<(bool Ready, string Detail)> ReadinessAsync(HttpClient http, UpState.Part part)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(part.Url, "health/ready"));
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
                return (false, $"not ready ({(int)response.StatusCode})");
            if (part.Name != "gateway")
                return (true, "ready");
            // The gateway is up even when a service is not; it says which it cannot reach.
            using var json = JsonDocument.Parse(body);
            var unreachable = json.RootElement.TryGetProperty("services", out var services)
                ? services.EnumerateObject().SelectMany(Unreachable).ToList()
                : [];
            return unreachable.Count == 0 ? (true, "ready") : (false, "ready, but cannot reach " + string.Join(", ", unreachable));
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException)
        {
            return (false, "NOT answering");
        }
    }

    /// <summary>A service the gateway cannot reach at all, or the instances of it that it cannot reach (by their
    /// destination in its cluster: primary is the first instance, replica-2 the second, …).</summary>
    private static IEnumerable<string> Unreachable(JsonProperty service)
    {
        if (service.Value.GetProperty("status").GetString() != "Healthy")
            return [service.Name];
        return service.Value.TryGetProperty("destinations", out var destinations) && destinations.ValueKind == JsonValueKind.Object
            ? destinations.EnumerateObject().Where(d => d.Value.GetString() != "Healthy").Select(d => $"{service.Name} ({d.Name})")
            : [];
    }
}
