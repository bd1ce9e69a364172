using RabbitMQ.Client;
using Xunit.Abstractions;

namespace IdoPlatform.Testing.Tests;

public sealed class RabbitMqServerTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_message_published_in_a_created_virtual_host_is_received_there()
    {
        var server = await RealServers.RabbitMqAsync();
        output.WriteLine($"{server.Source}, started in {server.StartedIn.TotalSeconds:F1} s");

        var vhost = await server.CreateVirtualHostAsync("Round Trip");
        await Broker.PublishConfirmed(vhost, "greetings", "hallo");

        Assert.StartsWith("/round_trip_", vhost.AbsolutePath);
        Assert.Equal("hallo", await Broker.Take(vhost, "greetings"));
        Assert.Null(await Broker.Take(vhost, "greetings"));
    }

    [Fact]
    public async Task Two_virtual_hosts_never_share_a_queue()
    {
        var server = await RealServers.RabbitMqAsync();
        var first = await server.CreateVirtualHostAsync("same");
        var second = await server.CreateVirtualHostAsync("same");

        await Broker.PublishConfirmed(first, "work", "for the first");
        await Broker.PublishConfirmed(second, "work", "for the second");

        Assert.NotEqual(first, second);
        Assert.Equal("for the second", await Broker.Take(second, "work"));
        Assert.Null(await Broker.Take(second, "work"));
        Assert.Equal("for the first", await Broker.Take(first, "work"));
    }

    [Fact]
    public async Task A_virtual_host_that_was_not_created_is_refused()
    {
        var server = await RealServers.RabbitMqAsync();
        var missing = new UriBuilder(server.AmqpUri) { Path = "/never_created" }.Uri;

        // The client reports the connection open and learns of the refusal a moment later: use it to see.
        var refusal = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var connection = await Broker.Connect(missing);
            await using var channel = await connection.CreateChannelAsync();
            await channel.QueueDeclareAsync("anything", durable: false, exclusive: false, autoDelete: false);
        });
        Assert.Contains("NOT_ALLOWED - vhost never_created not found", refusal.ToString());
    }

    [Fact]
    public async Task The_shared_broker_cannot_be_stopped()
    {
        var server = await RealServers.RabbitMqAsync();

        var refusal = await Assert.ThrowsAsync<InvalidOperationException>(server.StopAsync);
        Assert.Contains(nameof(RealServers.StartOwnRabbitMqAsync), refusal.Message);
    }
}
