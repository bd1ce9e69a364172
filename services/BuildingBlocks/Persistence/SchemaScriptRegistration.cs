using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IdoPlatform.BuildingBlocks.Persistence;

public static class SchemaScriptRegistration
{
    /// <summary>Runs the script once when the host starts. Register it before messaging, so its tables exist
    /// before the first consumer, subscription or request can use them.</summary>
    public static IServiceCollection AddSchemaScript<T>(this IServiceCollection services) where T : SchemaScript
    {
        services.AddSingleton<T>();
        services.AddSingleton<SchemaScript>(sp => sp.GetRequiredService<T>());
        services.AddHostedService(sp => new SchemaAtStartup(sp.GetRequiredService<T>(),
            sp.GetRequiredService<ILogger<SchemaAtStartup>>()));
        return services;
    }
}

/// <summary>Creates one script's tables at start-up; while the database is not there yet, waits and tries again.</summary>
internal sealed class SchemaAtStartup(SchemaScript script, ILogger<SchemaAtStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await script.EnsureCreated();
                return;
            }
            catch (Exception e) when (attempt < 30 && !ct.IsCancellationRequested && e is Npgsql.NpgsqlException)
            {
                if (attempt == 1) logger.LogWarning("The service's tables could not be created yet ({Reason}); retrying", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
            }
        }
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
