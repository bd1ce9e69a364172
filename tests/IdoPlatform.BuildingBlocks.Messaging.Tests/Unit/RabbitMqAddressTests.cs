using IdoPlatform.BuildingBlocks.Messaging;

namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Unit;

public sealed class RabbitMqAddressTests
{
    [Fact]
    public void Reads_user_password_host_port_and_vhost()
    {
        var address = RabbitMqAddress.Parse("amqp://ido:s%40cret@broker.local:5673/ido-test");

        Assert.Equal(new RabbitMqAddress("broker.local", 5673, "ido-test", "ido", "s@cret", false), address);
    }

    [Theory]
    [InlineData("amqp://localhost", "/")]
    [InlineData("amqp://localhost/", "/")]
    [InlineData("amqp://localhost/%2F", "/")]
    [InlineData("amqp://localhost/tenant%2Fone", "tenant/one")]
    public void An_empty_path_is_the_default_vhost(string uri, string vhost)
    {
        var address = RabbitMqAddress.Parse(uri);

        Assert.Equal(vhost, address.VirtualHost);
        Assert.Equal(5672, address.Port);
        Assert.Equal(("guest", "guest"), (address.Username, address.Password));
    }

    [Fact]
    public void Amqps_defaults_to_the_tls_port()
    {
        var address = RabbitMqAddress.Parse("amqps://u:p@broker");

        Assert.True(address.UseTls);
        Assert.Equal(5671, address.Port);
    }

    [Theory]
    [InlineData("")]
    [InlineData("localhost:5672")]
    [InlineData("http://localhost:5672/")]
    public void Anything_but_an_amqp_uri_is_refused(string uri) =>
        Assert.Throws<FormatException>(() => RabbitMqAddress.Parse(uri));

    [Fact]
    public void Its_text_never_shows_the_password() =>
        Assert.DoesNotContain("s3cret", RabbitMqAddress.Parse("amqp://ido:s3cret@broker/v").ToString());
}
