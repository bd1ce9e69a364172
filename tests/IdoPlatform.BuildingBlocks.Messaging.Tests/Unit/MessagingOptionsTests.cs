using IdoPlatform.BuildingBlocks.Messaging;
using Microsoft.Extensions.Configuration;

namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Unit;

public sealed class MessagingOptionsTests
{
    [Fact]
    public void Reads_the_connection_string_and_the_quorum_switch()
    {
        var options = MessagingOptions.From(Configuration(new()
        {
            ["ConnectionStrings:RabbitMq"] = "amqp://u:p@h:1/v",
            ["Messaging:QuorumQueues"] = "true",
        }));

        Assert.Equal("amqp://u:p@h:1/v", options.ConnectionString);
        Assert.True(options.QuorumQueues);
    }

    [Fact]
    public void Classic_queues_unless_told_otherwise() =>
        Assert.False(MessagingOptions.From(Configuration(new() { ["ConnectionStrings:RabbitMq"] = "amqp://h" })).QuorumQueues);

    [Fact]
    public void A_missing_connection_string_says_what_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => MessagingOptions.From(Configuration(new())));

        Assert.Contains("ConnectionStrings:RabbitMq", error.Message);
    }

    [Fact]
    public void Configured_retry_intervals_replace_the_defaults()
    {
        var options = MessagingOptions.From(Configuration(new()
        {
            ["ConnectionStrings:RabbitMq"] = "amqp://h",
            ["Messaging:RetryIntervals:0"] = "00:00:01",
        }));

        Assert.Equal([TimeSpan.FromSeconds(1)], options.RetryIntervals);
    }

    static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}
