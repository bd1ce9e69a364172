using DotNet.Testcontainers.Containers;
using Testcontainers.PostgreSql;
using Testcontainers.RabbitMq;

namespace IdoPlatform.Testing.Docker;

/// <summary>The same servers as Testcontainers containers, configured like the private ones.</summary>
internal static class Containers
{
    public const int AmqpPort = 5672;
    public const int ManagementPort = 15672;
    public const string RabbitMqUser = "rabbitmq";

    public static async Task<PostgreSqlContainer> StartPostgresAsync()
    {
        var container = new PostgreSqlBuilder("postgres:15-alpine")
            .WithCommand("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off", "-c", "max_connections=300")
            .Build();
        await container.StartAsync();
        return container;
    }

    /// <summary>With <paramref name="fixedHostPorts"/> the host ports survive a stop and start of the
    /// container (Docker would otherwise map new ones), so clients reconnect where they were.</summary>
    public static async Task<RabbitMqContainer> StartRabbitMqAsync(bool fixedHostPorts)
    {
        var builder = new RabbitMqBuilder("rabbitmq:3.13-management-alpine")
            .WithUsername(RabbitMqUser)
            .WithPassword(RabbitMqUser);
        builder = fixedHostPorts
            ? builder.WithPortBinding(LocalServers.FreePort.Next(), AmqpPort).WithPortBinding(LocalServers.FreePort.Next(), ManagementPort)
            : builder.WithPortBinding(ManagementPort, assignRandomHostPort: true);
        var container = builder.Build();
        await container.StartAsync();
        return container;
    }

    public static Uri ManagementUri(IContainer container) =>
        new($"http://{container.Hostname}:{container.GetMappedPublicPort(ManagementPort)}/");
}
