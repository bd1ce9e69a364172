using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.EventStore;

public static class EventStoreRegistration
{
    /// <summary>
    /// The service's event store on its own database: the store, a singleton <see cref="NpgsqlDataSource"/>
    /// for read models, and (unless switched off) the subscription daemon.
    /// </summary>
    public static IServiceCollection AddEventStore(this IServiceCollection services, Action<EventStoreOptions> configure)
    {
        var options = new EventStoreOptions();
        configure(options);
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            throw new InvalidOperationException("The event store needs a connection string (ConnectionStrings:Postgres).");

        services.AddSingleton(options);
        services.AddSingleton(_ => CreateDataSource(options));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<EventStoreSchema>();
        services.AddSingleton<EventStoreProgress>();
        services.AddSingleton<IEventStore, NpgsqlEventStore>();
        if (options.RunDaemon) services.AddHostedService<SubscriptionDaemon>();
        return services;
    }

    public static IServiceCollection AddInlineProjection<T>(this IServiceCollection services)
        where T : class, IInlineProjection =>
        services.AddSingleton<IInlineProjection, T>();

    public static IServiceCollection AddSubscription<T>(this IServiceCollection services)
        where T : class, ISubscription =>
        services.AddSingleton<ISubscription, T>();

    /// <summary>A data source whose sessions PostgreSQL ends when they idle inside a transaction, so a
    /// stuck writer cannot hold back the readers of the global order indefinitely.</summary>
    public static NpgsqlDataSource CreateDataSource(EventStoreOptions options, bool pooling = true)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString) { Pooling = pooling };
        // Appends and reads repeat a handful of statements: let Npgsql prepare them once per connection.
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 32;
        // Returning a connection would otherwise queue seven reset statements for its next use. We keep no session
        // state on pooled connections (session advisory locks are released explicitly), so skip them.
        builder.NoResetOnClose = true;
        var timeout = $"-c idle_in_transaction_session_timeout={(int)options.IdleInTransactionTimeout.TotalMilliseconds}";
        builder.Options = string.IsNullOrEmpty(builder.Options) ? timeout : $"{builder.Options} {timeout}";
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }
}
