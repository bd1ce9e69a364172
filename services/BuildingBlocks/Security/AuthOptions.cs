namespace IdoPlatform.BuildingBlocks.Security;

/// <summary>Settings from the configuration section <c>Auth</c>. Either <see cref="SigningKey"/> (a
/// shared symmetric key: local runs, demos, tests) or <see cref="Authority"/> (an external OpenID
/// Connect provider whose published keys are used).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    public string Issuer { get; set; } = "";
    public string Audience { get; set; } = "";

    /// <summary>Base64 of at least 32 random bytes (HMAC-SHA256).</summary>
    public string? SigningKey { get; set; }

    /// <summary>The OpenID Connect issuer URL whose discovery document lists the signing keys.</summary>
    public string? Authority { get; set; }

    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Tolerance for clocks that differ between issuer and service.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    internal byte[]? SigningKeyBytes()
    {
        if (string.IsNullOrWhiteSpace(SigningKey)) return null;
        try
        {
            return Convert.FromBase64String(SigningKey);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    internal IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Issuer)) yield return "Auth:Issuer is required.";
        if (string.IsNullOrWhiteSpace(Audience)) yield return "Auth:Audience is required.";
        var hasKey = !string.IsNullOrWhiteSpace(SigningKey);
        if (!hasKey && string.IsNullOrWhiteSpace(Authority))
            yield return "Set Auth:SigningKey (base64, symmetric) or Auth:Authority (OpenID Connect).";
        if (hasKey && SigningKeyBytes() is not { Length: >= 32 })
            yield return "Auth:SigningKey must be base64 of at least 32 bytes.";
    }
}
