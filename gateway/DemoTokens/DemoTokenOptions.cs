namespace IdoPlatform.Gateway.DemoTokens;

/// <summary><c>Auth:DemoTokens</c>: off unless configured on; never on in production.</summary>
public sealed class DemoTokenOptions
{
    public const string Section = "Auth:DemoTokens";

    public bool Enabled { get; set; }
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);
}
