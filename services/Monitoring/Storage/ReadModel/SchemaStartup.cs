namespace IdoPlatform.Monitoring.Storage.ReadModel;

/// <summary>
/// Creates the aggregate tables while the host starts (Marten creates its own), so the first message, query or
/// health probe never meets a missing table. A database that is not there yet does not stop the start:
/// each first use tries again.
/// </summary>
internal sealed class SchemaStartup(ReadModelSchema readModel, ILogger<SchemaStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await readModel.EnsureCreated().WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Could not create the monitoring tables at start-up; trying again on first use");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
