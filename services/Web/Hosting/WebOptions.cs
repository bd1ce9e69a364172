namespace IdoPlatform.Web.Hosting;

/// <summary>Settings from the configuration section <c>Web</c>.</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>The services' own addresses: the pages call them directly, never back through the gateway (whose
    /// per-address rate limit would put every desk behind this service in one bucket).</summary>
    public ServiceAddresses Services { get; set; } = new();

    public DemoSignInOptions DemoSignIn { get; set; } = new();

    public OpenIdConnectSettings OpenIdConnect { get; set; } = new();
}

public sealed class ServiceAddresses
{
    public Uri Registrations { get; set; } = new("http://localhost:5082");
    public Uri Referrals { get; set; } = new("http://localhost:5083");
    public Uri Offers { get; set; } = new("http://localhost:5081");
    public Uri Monitoring { get; set; } = new("http://localhost:5084");
}

/// <summary>Local use only: a sign-in form for the demo accounts, whose tokens the gateway's demo endpoint issues
/// (it must have <c>Auth:DemoTokens:Enabled</c> too).</summary>
public sealed class DemoSignInOptions
{
    public bool Enabled { get; set; }
    public Uri Gateway { get; set; } = new("http://localhost:5080");
}

/// <summary>Production sign-in: authorization code with PKCE at this provider, when <see cref="Authority"/> is set.</summary>
public sealed class OpenIdConnectSettings
{
    public string? Authority { get; set; }
    public string ClientId { get; set; } = "ido-web";
    public string? ClientSecret { get; set; }
    public bool RequireHttpsMetadata { get; set; } = true;
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority);
}
