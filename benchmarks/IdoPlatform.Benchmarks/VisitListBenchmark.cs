using IdoPlatform.Registrations;
using System.Diagnostics;
using System.Text.Json;
using IdoPlatform.Benchmarking;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Registrations.Features.Visits;
using IdoPlatform.Registrations.Storage;
using IdoPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace IdoPlatform.Benchmarks;

/// <summary>
/// The desk's visit list at scale: 200,000 visits of one organisation (and as many of 40 others beside them) in the
/// real visit_list table with its real indexes, read with the real query (<see cref="VisitListQueries.List"/>).
/// The rows are COPYed straight into the read model: registering them through the write path would take ~50 s at
/// the measured 4,000 visits/s, and the list reads only the read model. Pages of 100 (the most a client may ask).
/// </summary>
public static class VisitListBenchmark
{
    private const int PageSize = 100;
    private static readonly DateTimeOffset Newest = new(2026, 12, 4, 16, 0, 0, TimeSpan.Zero);

    public static async Task<IReadOnlyList<BenchmarkRow>> Run(int visits)
    {
        using var host = await AppendBenchmark.StartHost(await RealServers.PostgresAsync(), "bench-visit-list", o =>
        {
            RegistrationsEventTypes.Register(o);
            o.Tables(RegistrationsTables.All());
        }, _ => { });
        var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
        var organisation = Guid.NewGuid();
        var clock = Stopwatch.StartNew();
        await Load(dataSource, organisation, visits, otherOrganisations: 40);
        Console.WriteLine($"loaded {visits:N0} + {visits:N0} visits with COPY in {clock.Elapsed.TotalSeconds:0.0} s");

        var queries = new VisitListQueries(dataSource);
        Task<IReadOnlyList<(VisitResponse Visit, KeysetPosition Position)>> Page(KeysetPosition? after,
            string? location = null, DateTimeOffset? from = null, DateTimeOffset? before = null) =>
            queries.List(organisation, location, from, before, after, PageSize + 1);

        // Walk every page once as a client following next links would, timing each: "any page".
        var cursors = new List<KeysetPosition?> { null };
        var walk = new List<double>();
        while (true)
        {
            var timer = Stopwatch.StartNew();
            var rows = await Page(cursors[^1]);
            walk.Add(timer.Elapsed.TotalMilliseconds);
            if (rows.Count <= PageSize) break;
            cursors.Add(rows[PageSize - 1].Position);
        }
        var seen = (cursors.Count - 1) * PageSize + (await Page(cursors[^1])).Count;
        if (seen != visits) throw new InvalidOperationException($"the walk saw {seen:N0} visits, not {visits:N0}");
        walk.Sort();

        var first = await Measure(() => Page(cursors[0]));
        var middle = await Measure(() => Page(cursors[cursors.Count / 2]));
        var last = await Measure(() => Page(cursors[^1]));
        var location = Location(organisation, 3);
        var locationLast = await LastPageTimes(after => Page(after, location));
        var weekFrom = Newest.AddDays(-300);
        var weekLast = await LastPageTimes(after => Page(after, null, weekFrom, weekFrom.AddDays(7)));
        var offsetLast = await Measure(() => OffsetAndCount(dataSource, organisation, visits - PageSize), runs: 10);

        return
        [
            new($"{cursors.Count:N0} pages of {PageSize}: every page once, p50", Percentile.NearestRank(walk, 0.50), "ms", ""),
            new("every page once, p95", Percentile.NearestRank(walk, 0.95), "ms", "< 50"),
            new("first page, p50", first.P50, "ms", ""),
            new("first page, p95", first.P95, "ms", "< 50"),
            new($"middle page (#{cursors.Count / 2 + 1:N0}), p50", middle.P50, "ms", ""),
            new("middle page, p95", middle.P95, "ms", "< 50"),
            new($"last page (#{cursors.Count:N0}), p50", last.P50, "ms", ""),
            new("last page, p95", last.P95, "ms", "< 50"),
            new("one location (1/10 of them), last page, p95", locationLast.P95, "ms", "< 50"),
            new("one week (from/to), last page, p95", weekLast.P95, "ms", "< 50"),
            new("for comparison: OFFSET + count(*) (the old query), last page, p50", offsetLast.P50, "ms", ""),
        ];
    }

    /// <summary>Walks a filtered list to its end, then times its last page.</summary>
    private static async Task<(double P50, double P95)> LastPageTimes(
        Func<KeysetPosition?, Task<IReadOnlyList<(VisitResponse Visit, KeysetPosition Position)>>> page)
    {
        KeysetPosition? after = null;
        while ((await page(after)) is { Count: > PageSize } rows) after = rows[PageSize - 1].Position;
        return await Measure(() => page(after));
    }

    private static async Task<(double P50, double P95)> Measure(Func<Task> read, int warmup = 20, int runs = 200)
    {
        var times = await RepeatedTimes.Measure(read, warmup, runs);
        return (Percentile.NearestRank(times, 0.50), Percentile.NearestRank(times, 0.95));
    }

    /// <summary>The list's query before keyset paging: a page by OFFSET and a count of all the organisation's visits.</summary>
    private static async Task OffsetAndCount(NpgsqlDataSource dataSource, Guid organisation, int offset)
    {
        await using var batch = dataSource.CreateBatch();
        var list = new NpgsqlBatchCommand("""
            SELECT visit_id, status, version, registered_at, changed_at, void_reason, place::text, details::text
            FROM visit_list WHERE organisation_id = $1 ORDER BY occurred_at DESC, visit_id DESC LIMIT $2 OFFSET $3
            """);
        list.Parameters.Add(new() { Value = organisation });
        list.Parameters.Add(new() { Value = PageSize });
        list.Parameters.Add(new() { Value = offset });
        var count = new NpgsqlBatchCommand("SELECT count(*) FROM visit_list WHERE organisation_id = $1");
        count.Parameters.Add(new() { Value = organisation });
        batch.BatchCommands.Add(list);
        batch.BatchCommands.Add(count);
        await using var reader = await batch.ExecuteReaderAsync();
        while (await reader.ReadAsync()) { }
        await reader.NextResultAsync();
        await reader.ReadAsync();
    }

    private static string Location(Guid organisation, int index) => $"NL-{organisation.ToString("N")[..6]}-{index:0000}";

    /// <summary>COPY: the benchmark's organisation's visits over two years at ten locations (some at the very same
    /// moment, to exercise the id tie-break), and as many spread over other organisations.</summary>
    private static async Task Load(NpgsqlDataSource dataSource, Guid organisation, int visits, int otherOrganisations)
    {
        var random = new Random(42);
        var others = Enumerable.Range(0, otherOrganisations).Select(_ => Guid.NewGuid()).ToArray();
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY visit_list (visit_id, organisation_id, location_id, occurred_at, status, version, registered_at,
                             changed_at, void_reason, place, details) FROM STDIN (FORMAT BINARY)
            """))
        {
            for (var i = 0; i < visits * 2; i++)
            {
                var org = i % 2 == 0 ? organisation : others[random.Next(others.Length)];
                var location = Location(org, random.Next(10));
                // Whole seconds over two years: thousands of visits share a second with another one.
                var at = Newest.AddSeconds(-random.Next(2 * 365 * 24 * 3600));
                var id = Guid.CreateVersion7(at);
                var place = new VisitPlace(location, org, "GM0344", "Utrecht", "Utrecht");
                var details = new VisitDetails(at, "in-person",
                    [new Question("digid", "digital-government", "logius", "10-20", ["explained"], null, null)], null, null);
                var voided = random.Next(50) == 0;
                await copy.StartRowAsync();
                await copy.WriteAsync(id, NpgsqlDbType.Uuid);
                await copy.WriteAsync(org, NpgsqlDbType.Uuid);
                await copy.WriteAsync(location, NpgsqlDbType.Text);
                await copy.WriteAsync(at, NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(voided ? "voided" : "registered", NpgsqlDbType.Text);
                await copy.WriteAsync(voided ? 2L : 1L, NpgsqlDbType.Bigint);
                await copy.WriteAsync(at.AddMinutes(5), NpgsqlDbType.TimestampTz);
                await copy.WriteAsync(at.AddMinutes(voided ? 30 : 5), NpgsqlDbType.TimestampTz);
                if (voided) await copy.WriteAsync("dubbel geregistreerd", NpgsqlDbType.Text);
                else await copy.WriteNullAsync();
                await copy.WriteAsync(JsonSerializer.Serialize(place, VisitListProjection.Json), NpgsqlDbType.Jsonb);
                await copy.WriteAsync(JsonSerializer.Serialize(details, VisitListProjection.Json), NpgsqlDbType.Jsonb);
            }
            await copy.CompleteAsync();
        }
        await using var analyze = dataSource.CreateCommand("VACUUM ANALYZE visit_list");
        await analyze.ExecuteNonQueryAsync();
    }
}
