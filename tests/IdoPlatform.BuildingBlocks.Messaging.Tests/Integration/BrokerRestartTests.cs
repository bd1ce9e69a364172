using System.Diagnostics;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Contracts;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Fakes;
using IdoPlatform.BuildingBlocks.Messaging.Tests.Infrastructure;
using IdoPlatform.Testing;
using IdoPlatform.Testing.Logging;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Integration;

/// <summary>After a broker outage every consumer endpoint takes messages again within seconds, not after
/// MassTransit's default back-off (which has grown to 15–30 s by the end of a 20 s outage), and the outage
/// costs two log lines, not a stack trace per reconnect attempt.</summary>
public sealed class BrokerRestartTests(ITestOutputHelper output)
{
    static readonly TimeSpan Promised = TimeSpan.FromSeconds(5);
    static readonly TimeSpan Bound = 2 * Promised; // slack for a machine shared by busy builds

    [Fact]
    public async Task A_consumer_takes_messages_again_within_seconds_of_the_broker_returning()
    {
        var auditDb = await RealServers.NewDatabaseAsync("audit");
        await using var server = await RealServers.StartOwnRabbitMqAsync();
        var broker = await server.CreateVirtualHostAsync("restart");
        var probe = new AuditProbe();
        var logs = new CapturedLogs();
        using var audit = await TestServices.StartAudit(auditDb, broker, probe, logs: logs);
        var bus = audit.Services.GetRequiredService<IBusControl>();
        Assert.Equal(BusHealthStatus.Healthy, await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Eventually.Patience));

        var logged = logs.Entries.Count;
        await server.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(20));
        await server.StartAsync();
        var back = Stopwatch.StartNew();
        Assert.Equal(BusHealthStatus.Healthy, await bus.WaitForHealthStatus(BusHealthStatus.Healthy, Eventually.Patience));
        var consuming = back.Elapsed;
        await bus.Publish(new TicketSold(Guid.NewGuid(), 1));
        await Eventually.True(async () => await Sql.Scalar(auditDb, "SELECT count(*) FROM audited") == 1, "a ticket audited after the restart");

        var outage = logs.Entries.Skip(logged).Where(e => e.Level >= LogLevel.Information).ToList();
        Assert.Collection(outage,
            lost => Assert.StartsWith("RabbitMQ lost", lost.Message),
            back => Assert.StartsWith("RabbitMQ back", back.Message));
        output.WriteLine($"consuming again {consuming.TotalSeconds:0.0} s after the broker took connections");
        Assert.True(consuming < Bound, $"consuming again only after {consuming.TotalSeconds:0.0} s");
        await audit.StopAsync();
    }
}
