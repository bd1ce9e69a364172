using Microsoft.AspNetCore.Builder;

namespace IdoPlatform.BuildingBlocks.Web;

public static class IfMatchEndpointExtensions
{
    /// <summary>Documents that the endpoint reads <c>If-Match</c> (<see cref="IfMatch"/>): the header, 412 when it is
    /// stale and, when <paramref name="required"/>, 428 without it. The handler still reads it itself.</summary>
    public static RouteHandlerBuilder WithIfMatch(this RouteHandlerBuilder builder, bool required = true) =>
        builder.WithMetadata(new IfMatchEndpointMetadata(required));
}

/// <summary>Marks an endpoint as reading If-Match (read by the OpenAPI set-up).</summary>
public sealed record IfMatchEndpointMetadata(bool Required);
