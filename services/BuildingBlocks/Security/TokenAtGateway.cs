using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;

namespace IdoPlatform.BuildingBlocks.Security;

/// <summary>An endpoint the platform's own callers may use without a token (the web's public pages read code lists and
/// offer types server-side) while the gateway still asks for one: there only offer search and the OpenAPI documents
/// are public (issue 7). The OpenAPI document describes the API at the gateway, so it shows the token.</summary>
public sealed class TokenAtGatewayMetadata
{
    public static readonly TokenAtGatewayMetadata Instance = new();

    private TokenAtGatewayMetadata() { }
}

public static class TokenAtGatewayExtensions
{
    /// <summary><c>AllowAnonymous()</c> for callers inside the platform; documented as needing a token, as at the gateway.</summary>
    public static TBuilder AllowAnonymousBehindGateway<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AllowAnonymous().WithMetadata(TokenAtGatewayMetadata.Instance);
}
