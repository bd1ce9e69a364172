using System.Diagnostics;
using System.Net.Http.Headers;
using IdoPlatform.Benchmarking;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;

using IdoPlatform.Monitoring.Features.Rebuilds;
using IdoPlatform.Monitoring.Storage;
using IdoPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

// Monitoring's two promises on this machine: rebuild speed from the log, and query latency over a million visits.
// Usage: dotnet run -c Release --project benchmarks/IdoPlatform.Monitoring.Benchmarks [visits] [--rebuilds n] [--profile]
namespace IdoPlatform.Monitoring.Benchmarks;

// Not top-level statements: the monitoring service's own Program is the host under test.
public static class MonitoringBenchmark
{
    public static async Task Main(string[] args)
    {
        var visits = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 1_000_000;

        var database = await RealServers.NewDatabaseAsync("monitoring-bench");
        var broker = await RealServers.NewVirtualHostAsync("monitoring-bench");
        var auth = new AuthOptions { Issuer = "bench", Audience = "ido-platform", SigningKey = TokenIssuer.NewSigningKey() };

        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Benchmark");
            web.UseContentRoot(ServiceFolder());
            web.UseSetting("ConnectionStrings:Postgres", database);
            web.UseSetting("ConnectionStrings:RabbitMq", broker.ToString());
            web.UseSetting("Auth:Issuer", auth.Issuer);
            web.UseSetting("Auth:Audience", auth.Audience);
            web.UseSetting("Auth:SigningKey", auth.SigningKey);
            web.UseSetting("Logging:LogLevel:Default", "Warning");
            web.UseSetting("Logging:LogLevel:IdoPlatform.Monitoring.Features.Rebuilds", "Information");
            // The rebuild alone builds the tables here; the live projection would only compete with it.
            web.UseSetting("EventStore:RunDaemon", "false");
        });
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            TokenIssuer.Issue(auth, new CurrentAccount("bench", Roles.Monitor), TimeSpan.FromHours(2), DateTimeOffset.UtcNow));

        var services = factory.Services;
        var clock = Stopwatch.StartNew();
        var log = await SyntheticLog.Write(services.GetRequiredService<EventStreams>(), visits);
        Console.WriteLine($"Wrote {log.Events:N0} messages for {log.Visits:N0} visits into the log in {clock.Elapsed.TotalSeconds:N1} s.");
        // A log written in a minute leaves a million fresh rows that a log written over months has long left behind.
        clock.Restart();
        await SettledDatabase.Settle(services.GetRequiredService<NpgsqlDataSource>());
        Console.WriteLine($"Settled the database (VACUUM (ANALYZE), CHECKPOINT) in {clock.Elapsed.TotalSeconds:N1} s.");

        if (args.Contains("--profile"))
            await Profile.Run(services.GetRequiredService<NpgsqlDataSource>(), services.GetRequiredService<EventStoreOptions>().Events);

        // This machine is shared: a single rebuild's pace varies with what else runs, so take the median of several.
        var rebuilds = new List<Rebuild>();
        for (var round = 0; round < RebuildRounds(args); round++)
        {
            var rebuild = await services.GetRequiredService<RebuildRunner>().Run("benchmark", CancellationToken.None)
                ?? throw new InvalidOperationException("A rebuild was already running.");
            if (rebuild.Status != RebuildStatus.Completed) throw new InvalidOperationException($"Rebuild {rebuild.Status}: {rebuild.Error}");
            Console.WriteLine($"Rebuild {round + 1}: {rebuild.Events:N0} events in {(rebuild.FinishedAt!.Value - rebuild.StartedAt).TotalSeconds:N1} s " +
                              $"= {rebuild.EventsPerSecond:N0} events/s.");
            rebuilds.Add(rebuild);
        }
        var speeds = rebuilds.Select(r => r.EventsPerSecond ?? 0).Order().ToList();
        var events = rebuilds[0].Events;

        var quarterProvinceTopic = await Latency.Measure(client,
            "/monitoring/v1/question-counts?from=2025-01-01&to=2026-12-31&period=quarter&groupBy=province,topic");
        var unaligned = await Latency.Measure(client,
            "/monitoring/v1/question-counts?from=2025-01-15&to=2026-12-15&period=quarter&groupBy=province,topic", runs: 50);
        var municipality = await Latency.Measure(client,
            "/monitoring/v1/question-counts?from=2025-01-01&to=2025-12-31&period=quarter&groupBy=municipality", warmup: 3, runs: 20);
        var domain = await Latency.Measure(client,
            "/monitoring/v1/question-counts?from=2025-01-01&to=2025-12-31&period=quarter&groupBy=province,domain", warmup: 3, runs: 20);

        var live = await LiveProjection.EventsPerSecond(services.GetRequiredService<NpgsqlDataSource>(),
            services.GetRequiredService<EventStoreOptions>(), services.GetRequiredService<EventStreams>(),
            services.GetRequiredService<AggregatesSubscription>(), 20_000);

        var rows = new List<(string What, double Value, string Unit, string Target)>
        {
            ($"rebuild from the log ({events:N0} events, {visits:N0} visits), median of {speeds.Count}", speeds[speeds.Count / 2], "events/s", ">= 50,000"),
            ("rebuild from the log, slowest", speeds[0], "events/s", "(info)"),
            ("rebuild from the log, fastest", speeds[^1], "events/s", "(info)"),
            ($"quarter x province x topic, whole months ({quarterProvinceTopic.Rows} rows): p50", quarterProvinceTopic.P50, "ms", ""),
            ("quarter x province x topic, whole months: p95", quarterProvinceTopic.P95, "ms", "< 50"),
            ($"quarter x province x topic, mid-month range ({unaligned.Rows} rows): p50", unaligned.P50, "ms", ""),
            ("quarter x province x topic, mid-month range: p95", unaligned.P95, "ms", "(info)"),
            ($"quarter x municipality, 2025, suppressed ({municipality.Rows} rows): p50", municipality.P50, "ms", "(info)"),
            ($"quarter x province x domain, 2025, no cube ({domain.Rows} rows): p50", domain.P50, "ms", "(info)"),
            ("live projection on top of them, daemon-sized batches", live, "events/s", "(info)"),
        };
        var width = rows.Max(r => r.What.Length);
        Console.WriteLine();
        Console.WriteLine($"{"measure".PadRight(width)} | {"value",12} | {"unit",-8} | target");
        Console.WriteLine($"{new string('-', width)}-|-{new string('-', 12)}-|-{new string('-', 8)}-|-------");
        foreach (var r in rows) Console.WriteLine($"{r.What.PadRight(width)} | {r.Value,12:N1} | {r.Unit,-8} | {r.Target}");
    }

    private static int RebuildRounds(string[] args) =>
        args.SkipWhile(a => a != "--rebuilds").Skip(1).Select(a => int.TryParse(a, out var n) ? n : 3).FirstOrDefault(3);

    private static string ServiceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "IdoPlatform.sln")))
                return Path.Combine(dir.FullName, "services", "Monitoring");
        return AppContext.BaseDirectory;
    }
}
