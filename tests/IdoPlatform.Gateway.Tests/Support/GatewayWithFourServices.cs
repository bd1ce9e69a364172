namespace IdoPlatform.Gateway.Tests.Support;

/// <summary>One gateway in front of four fake services, shared by the tests that only read from it.
/// Demo tokens on, one allowed browser origin.</summary>
public sealed class GatewayWithFourServices : IAsyncLifetime
{
    public const string AllowedOrigin = "https://balie.example.nl";

    public Dictionary<string, FakeBackend> Backends { get; } = [];
    public RunningGateway Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        foreach (var service in RunningGateway.Services)
            Backends[service] = await FakeBackend.StartAsync();
        Gateway = await RunningGateway.StartAsync(
            Backends.ToDictionary(b => b.Key, b => b.Value.Address),
            new Dictionary<string, string?>
            {
                ["Auth:DemoTokens:Enabled"] = "true",
                ["Gateway:CorsOrigins:0"] = AllowedOrigin,
            });
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        foreach (var backend in Backends.Values)
            await backend.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class GatewayWithFourServicesCollection : ICollectionFixture<GatewayWithFourServices>
{
    public const string Name = "gateway with four services";
}
