using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;

namespace IdoPlatform.Gateway.Auth;

/// <summary>JWT bearer validation at the edge with the platform's shared settings (<c>Auth</c>: same
/// issuer, audience and keys as the services, which check again, so a request that bypasses the gateway
/// gets nothing more). Deny by default: every endpoint needs a valid token unless its route says
/// <c>AuthorizationPolicy: anonymous</c> (openapi.json, offer search) or it is one of the gateway's public
/// endpoints (health, docs, demo tokens).</summary>
internal static class GatewayAuthentication
{
    public static IServiceCollection AddGatewayAuthentication(this IServiceCollection services)
    {
        services.AddPlatformSecurity();
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .PostConfigure<TimeProvider>((bearer, clock) =>
            {
                bearer.Events ??= new JwtBearerEvents();
                bearer.Events.OnChallenge = WriteUnauthorizedAsync;
                var handlers = bearer.TokenHandlers.ToList();
                bearer.TokenHandlers.Clear();
                foreach (var handler in handlers)
                    bearer.TokenHandlers.Add(new ValidatedTokenCache(handler, clock, TimeSpan.FromMinutes(1), capacity: 10_000));
            });
        return services;
    }

    /// <summary>401 as a problem document, with a <c>WWW-Authenticate</c> header that says why.</summary>
    private static Task WriteUnauthorizedAsync(JwtBearerChallengeContext context)
    {
        context.HandleResponse();
        var http = context.HttpContext;
        http.Response.Headers.WWWAuthenticate = string.IsNullOrEmpty(context.Error)
            ? "Bearer"
            : $"Bearer error=\"{context.Error}\"";
        var detail = context.AuthenticateFailure switch
        {
            SecurityTokenExpiredException => "Het toegangstoken is verlopen; vraag een nieuw token aan.",
            not null => "Het toegangstoken is ongeldig.",
            null => null,
        };
        return ProblemWriter.WriteAsync(http, Problems.Create(StatusCodes.Status401Unauthorized, detail));
    }
}
