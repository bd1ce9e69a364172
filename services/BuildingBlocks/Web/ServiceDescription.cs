namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>What a service tells the outside world about itself: its name (also used for tracing),
/// the base path with the major version (<c>/registrations/v1</c>), the full SemVer version returned
/// in <c>API-Version</c> and the OpenAPI title (Dutch, user-facing).</summary>
public sealed record ServiceDescription(string Name, string BasePath, string Version, string Title)
{
    /// <summary>Shown as the OpenAPI description.</summary>
    public string? Description { get; init; }

    /// <summary>Media types the service answers in besides JSON (e.g. <c>text/csv</c>): an Accept header asking
    /// only for one of these is not refused with 406. Errors are problem+json whatever was asked.</summary>
    public IReadOnlyList<string> AlsoProduces { get; init; } = [];

    /// <summary>The major version segment, e.g. <c>v1</c>, taken from the base path.</summary>
    public string MajorVersionSegment => BasePath.TrimEnd('/').Split('/')[^1];

    internal void Validate()
    {
        if (!BasePath.StartsWith('/') || BasePath.EndsWith('/'))
            throw new ArgumentException($"Base path '{BasePath}' must start with '/' and not end with one.");
        if (!System.Text.RegularExpressions.Regex.IsMatch(MajorVersionSegment, "^v[0-9]+$"))
            throw new ArgumentException($"Base path '{BasePath}' must end with the major version, e.g. /registrations/v1.");
        if (!System.Text.RegularExpressions.Regex.IsMatch(Version, @"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$"))
            throw new ArgumentException($"Version '{Version}' is not a full SemVer version (major.minor.patch).");
    }
}
