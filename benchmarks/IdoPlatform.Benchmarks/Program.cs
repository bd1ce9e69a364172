using IdoPlatform.Benchmarks;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Benchmark;
using IdoPlatform.Testing;

// Prints one table of the foundation's speed on this machine; the figures are in the README.
// `-- visit-list [visits]`: the desk's visit list at scale instead (200,000 visits of one organisation by default).
if (args is ["visit-list", ..])
{
    var visits = args.Length > 1 && int.TryParse(args[1], out var v) ? v : 200_000;
    BenchmarkRow.Print(await VisitListBenchmark.Run(visits));
    return;
}

var appends = args.Length > 0 && int.TryParse(args[0], out var n) ? n : 20_000;
// Desks send registrations from many places at once; each path shows its best of a few and of many concurrent callers.
int[] callers = [8, 16, 96];
// The appends twice: on a server as deployments run it, where every commit waits for its WAL on disk (and one commit
// for many registrations pays off), and on the tests' server, where nothing waits for the disk and only CPU counts.
await using (var durable = await RealServers.StartDurablePostgresAsync())
{
    Console.WriteLine("PostgreSQL as deployed (fsync, synchronous_commit and full_page_writes on):");
    BenchmarkRow.Print(await AppendBenchmark.Run(durable, appends, callers));
}
Console.WriteLine();
Console.WriteLine("PostgreSQL tuned for tests (durability off: a crash loses committed data):");
var rows = new List<BenchmarkRow>();
rows.AddRange(await AppendBenchmark.Run(await RealServers.PostgresAsync(), appends, callers));

await RelayThroughput.Measure(1_000); // warm-up: JIT and the bus's first connection
// A stream's events go out one after another (each confirmed before the next), streams concurrently: short streams,
// as the services write them, and long ones, the relay's slowest shape.
var relay = await RelayThroughput.Measure(appends, streamLength: 4);
rows.Add(new($"relay: events published with confirms, streams of 4 ({relay.Distinct:N0} events, {relay.Queued:N0} messages)", relay.EventsPerSecond, "events/s", ">= 2,000"));
var longStreams = await RelayThroughput.Measure(appends, streamLength: 100);
rows.Add(new($"relay: the same, streams of 100 ({longStreams.Distinct:N0} events, {longStreams.Queued:N0} messages)", longStreams.EventsPerSecond, "events/s", ""));
BenchmarkRow.Print(rows);
