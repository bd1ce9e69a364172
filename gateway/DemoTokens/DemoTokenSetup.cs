using Microsoft.Extensions.DependencyInjection.Extensions;

namespace IdoPlatform.Gateway.DemoTokens;

internal static class DemoTokenSetup
{
    public static IServiceCollection AddDemoTokens(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DemoTokenOptions>(configuration.GetSection(DemoTokenOptions.Section));
        services.AddSingleton<DemoAccountStore>();
        services.AddSingleton<DemoTokenIssuer>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }

    /// <summary>Off unless configured on: without it the path is an ordinary 404.</summary>
    public static void MapDemoTokens(this WebApplication app)
    {
        var enabled = app.Configuration.GetValue<bool>($"{DemoTokenOptions.Section}:Enabled");
        if (!enabled)
            return;
        app.MapPost(IssueDemoToken.Path, IssueDemoToken.HandleAsync).AllowAnonymous();
    }
}
