using IdoPlatform.Gateway.Auth;
using IdoPlatform.Gateway.DemoTokens;
using IdoPlatform.Gateway.Docs;
using IdoPlatform.Gateway.Edge;
using IdoPlatform.Gateway.Health;
using IdoPlatform.Gateway.Proxy;
using IdoPlatform.Gateway.RateLimiting;

namespace IdoPlatform.Gateway;

/// <summary>Builds the gateway. The order of the pipeline is the design: refuse what never passes
/// (trailing slash, oversized body) → CORS → who is calling → how often → may they → route.</summary>
public static class GatewayApp
{
    /// <summary>Set to 1 by the gateway's entry point (unless given): socket completions run inline.</summary>
    public const string InlineCompletionsVariable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    /// <param name="configure">Runs before any service is registered, so tests and benchmarks can add
    /// configuration (cluster addresses, keys, limits) and listening addresses that everything sees.</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings.json sits beside the assembly, wherever the process was started from.
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);

        var options = builder.Configuration.GetSection(GatewayOptions.Section).Get<GatewayOptions>() ?? new GatewayOptions();
        builder.Services.Configure<GatewayOptions>(builder.Configuration.GetSection(GatewayOptions.Section));
        // A proxy's request handling is short and never blocks: run it on the I/O thread that read the request.
        builder.WebHost.UseSockets(sockets => sockets.UnsafePreferInlineScheduling = true);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
        });

        builder.Services.AddGatewayEdge(options);
        builder.Services.AddGatewayAuthentication();
        builder.Services.AddGatewayRateLimits(options.RateLimits);
        builder.Services.AddGatewayProxy(builder.Configuration);
        builder.Services.AddGatewayHealth(builder.Configuration);
        builder.Services.AddDemoTokens(builder.Configuration);

        var app = builder.Build();

        app.UseMiddleware<EdgeMiddleware>();
        app.UseCors();
        app.UseGatewayDocs(options);
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapGatewayHealth();
        app.MapDemoTokens();
        app.MapGatewayProxy();
        app.MapNotFoundFallback();
        return app;
    }
}
