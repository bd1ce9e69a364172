namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>Settings from the configuration section <c>Api</c>.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Larger request bodies are refused with 413. Our requests are small JSON documents.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Browser origins allowed by CORS (exact scheme://host[:port]); empty allows none.</summary>
    public string[] CorsOrigins { get; set; } = [];

    /// <summary>The public address before the base path (e.g. <c>https://api.ido.example.nl</c>), used
    /// in the OpenAPI <c>servers</c>; without it the server URL is the base path alone.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>On SIGTERM, how long the service keeps serving while its health endpoints already say it stops,
    /// so a gateway probing it moves its traffic to another instance first (the Health/ShutdownDrain service).
    /// Zero (the default) stops at once; with replicas behind a probing gateway, one probe interval and a bit.</summary>
    public TimeSpan ShutdownDrain { get; set; } = TimeSpan.Zero;

    public ApiContactOptions Contact { get; set; } = new();
}

/// <summary>The OpenAPI <c>info.contact</c> the API Design Rules require.</summary>
public sealed class ApiContactOptions
{
    public string Name { get; set; } = "Beheer IDO-platform";
    public string Email { get; set; } = "beheer@ido-platform.example.nl";
    public string Url { get; set; } = "https://ido-platform.example.nl/api";
}
