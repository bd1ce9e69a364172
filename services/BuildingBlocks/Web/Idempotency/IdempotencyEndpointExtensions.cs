using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace IdoPlatform.BuildingBlocks.Web;

public static class IdempotencyEndpointExtensions
{
    /// <summary>Makes a POST safe to retry with an <c>Idempotency-Key</c> header (see
    /// <see cref="IdempotencyStore"/>); the header is documented in the OpenAPI document.</summary>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<IdempotencyFilter>().WithMetadata(new IdempotentEndpointMetadata());
}

/// <summary>Marks an endpoint as accepting Idempotency-Key (read by the OpenAPI set-up).</summary>
public sealed class IdempotentEndpointMetadata;
