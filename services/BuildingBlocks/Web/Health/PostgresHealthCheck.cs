using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>Ready only when the service's own database answers.</summary>
internal sealed class PostgresHealthCheck(NpgsqlDataSource dataSource) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var command = dataSource.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "PostgreSQL does not answer.", e);
        }
    }
}

public static class PostgresHealthCheckExtensions
{
    /// <summary>Adds a readiness check on the singleton <see cref="NpgsqlDataSource"/>.</summary>
    public static IHealthChecksBuilder AddPostgres(this IHealthChecksBuilder builder, string name = "postgresql") =>
        builder.Add(new HealthCheckRegistration(name,
            services => new PostgresHealthCheck(services.GetRequiredService<NpgsqlDataSource>()),
            HealthStatus.Unhealthy, ["ready"], TimeSpan.FromSeconds(5)));
}
