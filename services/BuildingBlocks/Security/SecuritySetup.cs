using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace IdoPlatform.BuildingBlocks.Security;

public static class SecuritySetup
{
    /// <summary>JWT bearer validation from the <c>Auth</c> section, one policy per role (named after
    /// it), and a fallback policy: an endpoint is for signed-in callers unless it says
    /// <c>AllowAnonymous()</c>. Settings are read when first needed, so test hosts can override them.</summary>
    public static IServiceCollection AddPlatformSecurity(this IServiceCollection services)
    {
        services.AddOptions<AuthOptions>()
            .BindConfiguration(AuthOptions.Section)
            .Validate(o => !o.Problems().Any(), "Invalid Auth settings: see AuthOptions.")
            .ValidateOnStart();
        services.AddSingleton<TokenIssuer>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((bearer, auth) => Configure(bearer, auth.Value));

        services.AddAuthorization(authorization =>
        {
            foreach (var role in Roles.All)
                authorization.AddPolicy(role, policy => policy.RequireAuthenticatedUser().RequireRole(role));
            authorization.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        return services;
    }

    /// <summary>Only callers holding one of <paramref name="roles"/> (403 for the others).</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params string[] roles)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(new AuthorizeAttribute { Roles = string.Join(",", roles) });

    private static void Configure(JwtBearerOptions bearer, AuthOptions auth)
    {
        bearer.MapInboundClaims = false; // keep "sub", "role", "org", "agency" as they are
        bearer.RequireHttpsMetadata = auth.RequireHttpsMetadata;
        bearer.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Issuer,
            ValidAudience = auth.Audience,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = auth.ClockSkew,
            NameClaimType = PlatformClaims.Subject,
            RoleClaimType = PlatformClaims.Role,
        };
        if (auth.SigningKeyBytes() is { } key)
        {
            bearer.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(key);
            bearer.TokenValidationParameters.ValidateIssuerSigningKey = true;
            bearer.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }
        else
        {
            bearer.Authority = auth.Authority;
        }

        bearer.Events = new JwtBearerEvents
        {
            // A correctly signed token with claims we cannot read is no better than no token.
            OnTokenValidated = context =>
            {
                if (!CurrentAccount.TryRead(context.Principal!, out _, out var error))
                    context.Fail(error);
                return Task.CompletedTask;
            },
        };
    }
}
