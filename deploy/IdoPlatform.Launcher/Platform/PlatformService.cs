namespace IdoPlatform.Launcher;

/// <summary>The processes of the platform.</summary>
public enum PlatformService
{
    Offers,
    Registrations,
    Referrals,
    Monitoring,
    /// <summary>The web pages (desk page under /balie), calling the services directly.</summary>
    Web,
    Gateway,
}

/// <summary>How one process is built, found and configured.</summary>
/// <param name="Name">Lower-case name: the gateway's cluster id, the database suffix, the log file name.</param>
/// <param name="Project">The project file, relative to the repository root.</param>
/// <param name="PreferredPort">The port the gateway's appsettings.json assumes (used by <c>./ido up</c> when free).</param>
/// <param name="HasDatabase">Owns a PostgreSQL database and talks to RabbitMQ (the four services; not the gateway).</param>
/// <param name="UsesPostcodes">Reads the PC4 centroid file (<c>Postcodes:Pc4File</c>).</param>
public sealed record ServiceDefinition(
    PlatformService Service,
    string Name,
    string Project,
    int PreferredPort,
    bool HasDatabase,
    bool UsesPostcodes)
{
    public string AssemblyName => Path.GetFileNameWithoutExtension(Project);

    public static IReadOnlyList<ServiceDefinition> All { get; } =
    [
        new(PlatformService.Offers, "offers", "services/Offers/IdoPlatform.Offers.csproj", 5081, HasDatabase: true, UsesPostcodes: true),
        new(PlatformService.Registrations, "registrations", "services/Registrations/IdoPlatform.Registrations.csproj", 5082, HasDatabase: true, UsesPostcodes: false),
        new(PlatformService.Referrals, "referrals", "services/Referrals/IdoPlatform.Referrals.csproj", 5083, HasDatabase: true, UsesPostcodes: true),
        new(PlatformService.Monitoring, "monitoring", "services/Monitoring/IdoPlatform.Monitoring.csproj", 5084, HasDatabase: true, UsesPostcodes: false),
        new(PlatformService.Web, "web", "services/Web/IdoPlatform.Web.csproj", 5085, HasDatabase: false, UsesPostcodes: false),
        new(PlatformService.Gateway, "gateway", "gateway/IdoPlatform.Gateway.csproj", 5080, HasDatabase: false, UsesPostcodes: false),
    ];

    public static IEnumerable<ServiceDefinition> Services => All.Where(d => d.HasDatabase);

    public static ServiceDefinition Of(PlatformService service) => All.Single(d => d.Service == service);

    /// <summary>The service's database: <c>{prefix}_{name}</c>.</summary>
    public string DatabaseName(string prefix) => $"{prefix}_{Name}";
}
