using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>
/// A service asked to stop (SIGTERM) first says so: <c>/health/live</c> and <c>/health/ready</c> answer 503
/// "stopping", while it keeps serving for <see cref="ApiOptions.ShutdownDrain"/>, so a gateway probing it
/// sends its next requests to another instance. Only then does the host stop Kestrel, which refuses new
/// connections and lets the requests in flight finish (within the host's shutdown timeout, 30 s by default).
/// </summary>
internal sealed class ShutdownDrain(IOptions<ApiOptions> options, ILogger<ShutdownDrain> logger) : IHostedLifecycleService, IHealthCheck
{
    public const string Name = "stopping";

    private volatile bool _stopping;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        var drain = options.Value.ShutdownDrain;
        if (drain <= TimeSpan.Zero) return;
        logger.LogInformation("Stopping: reported as not ready, serving for {Seconds:0.#} s more before refusing connections", drain.TotalSeconds);
        try
        {
            await Task.Delay(drain, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The shutdown timeout ran out: stop now.
        }
    }

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(_stopping ? HealthCheckResult.Unhealthy("De dienst stopt.") : HealthCheckResult.Healthy());

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
