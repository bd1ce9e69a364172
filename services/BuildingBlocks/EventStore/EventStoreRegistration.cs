using JasperFx;
using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Services.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Npgsql;
using Weasel.Core;

namespace IdoPlatform.BuildingBlocks.EventStore;

public static class EventStoreRegistration
{
    /// <summary>
    /// The service's event store: Marten on its own database, through one <see cref="NpgsqlDataSource"/> that the
    /// read models share; <see cref="EventStreams"/> as the write path; the async daemon (HotCold) unless switched off.
    /// Marten's schema (and the projections' tables) is applied once at start-up, before traffic.
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
        services.AddSingleton<EventStreams>();
        services.AddSingleton(typeof(GroupedStarts<>));
        services.AddSingleton<EventStoreProgress>();
        // Marten logs every failed batch at Error, also the expected ones (a stale If-Match, a taken id, a lost race),
        // which the caller gets as an exception anyway and answers or logs itself.
        services.AddLogging(logging => logging.AddFilter("Marten.IDocumentStore", LogLevel.Critical));

        var marten = services.AddMarten(sp => StoreOptionsFor(options, sp.GetRequiredService<NpgsqlDataSource>(),
                sp.GetRequiredService<TimeProvider>()))
            .ApplyAllDatabaseChangesOnStartup();
        // Hosted services start in order: Marten's schema, then the import of an earlier store's data, then the daemon.
        services.AddHostedService<OwnStoreImport>();
        if (options.RunDaemon) marten.AddAsyncDaemon(DaemonMode.HotCold);
        return services;
    }

    /// <summary>Marten's settings for every service; each one is a promise of ARCHITECTURE.md or a trap we met.</summary>
    internal static StoreOptions StoreOptionsFor(EventStoreOptions options, NpgsqlDataSource dataSource, TimeProvider clock)
    {
        var marten = new StoreOptions();
        marten.Connection(dataSource);
        marten.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        // Camel-cased JSON with enums as numbers: the shape JsonSerializerDefaults.Web wrote in the old store.
        marten.UseSystemTextJsonForSerialization(EnumStorage.AsInteger, Casing.CamelCase);

        var events = marten.Events;
        // One round trip per append, and event timestamps from the service's clock (tests move it).
        events.AppendMode = EventAppendMode.Quick;
        events.TimeProvider = clock;
        // Appending to a stream that was never started is a bug, not a silent new stream.
        events.UseMandatoryStreamTypeDeclaration = true;
        // The default transaction-scoped HotCold lock leaves the leader idle in a transaction, which our
        // idle_in_transaction_session_timeout ends: a page was then processed twice. A session lock does not.
        events.UseAdvisoryLockTransaction = false;
        events.MetadataConfig.CorrelationIdEnabled = true;
        events.MetadataConfig.CausationIdEnabled = true;
        events.MetadataConfig.UserNameEnabled = true;
        options.Events.ApplyTo(marten);
        foreach (var aggregate in options.Aggregates) aggregate.Configure(marten);
        foreach (var configure in options.MartenSettings) configure(marten);

        // The daemon's defaults skip events it cannot apply or read; we would rather stop than lose one.
        marten.Projections.Errors.SkipApplyErrors = false;
        marten.Projections.Errors.SkipSerializationErrors = false;
        marten.Projections.Errors.SkipUnknownEvents = false;
        marten.Projections.StopAndDrainTimeout = TimeSpan.FromSeconds(30);
        return marten;
    }

    /// <summary>A read model written in the append's own transaction: an <see cref="IInlineProjection"/> (SQL on the
    /// transaction, just before COMMIT), or a Marten <see cref="Marten.Events.Projections.IProjection"/> that queues its
    /// SQL into the append's own batch (no extra round trip: for the hot paths).</summary>
    public static IServiceCollection AddInlineProjection<T>(this IServiceCollection services) where T : class
    {
        if (!typeof(IInlineProjection).IsAssignableFrom(typeof(T)) && !typeof(Marten.Events.Projections.IProjection).IsAssignableFrom(typeof(T)))
            throw new InvalidOperationException($"{typeof(T).Name} is neither an IInlineProjection nor a Marten IProjection.");
        services.AddSingleton<T>();
        services.ConfigureMarten((sp, marten) =>
        {
            var projection = sp.GetRequiredService<T>();
            marten.Projections.Add(projection as Marten.Events.Projections.IProjection
                ?? new InlineSqlProjection((IInlineProjection)projection), ProjectionLifecycle.Inline, typeof(T).Name);
        });
        return services;
    }

    /// <summary>An async SQL projection in the daemon: its effects commit with its progress.</summary>
    public static IServiceCollection AddSubscription<T>(this IServiceCollection services, int batchSize = 500)
        where T : class, ISubscription
    {
        services.AddSingleton<T>();
        services.ConfigureMarten((sp, marten) => marten.Events.Subscribe(new SqlSubscription<T>(sp, batchSize)));
        return services;
    }

    /// <summary>A data source whose sessions PostgreSQL ends when they idle inside a transaction, so a stuck writer
    /// cannot hold back the daemon's high-water mark indefinitely.</summary>
    public static NpgsqlDataSource CreateDataSource(EventStoreOptions options, bool pooling = true)
    {
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString) { Pooling = pooling };
        // Every deployment names its own maximum (README "Operating it"); a connection string without one still gets a
        // bounded pool, not Npgsql's 100.
        if (!NamesPoolMaximum(options.ConnectionString)) builder.MaxPoolSize = options.DefaultMaxPoolSize;
        // Appends and reads repeat a handful of statements: let Npgsql prepare them once per connection.
        if (builder.MaxAutoPrepare == 0) builder.MaxAutoPrepare = 32;
        // Returning a connection would otherwise queue seven reset statements for its next use. We keep no session
        // state on pooled connections (session advisory locks are released explicitly), so skip them.
        builder.NoResetOnClose = true;
        var timeout = $"-c idle_in_transaction_session_timeout={(int)options.IdleInTransactionTimeout.TotalMilliseconds}";
        builder.Options = string.IsNullOrEmpty(builder.Options) ? timeout : $"{builder.Options} {timeout}";
        return NpgsqlDataSource.Create(builder.ConnectionString);
    }

    /// <summary>Whether the connection string itself sets the pool maximum (Npgsql's builder reports every keyword it
    /// knows as present, set or not).</summary>
    public static bool NamesPoolMaximum(string connectionString) =>
        new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.Keys.Cast<string>()
            .Any(key => key.Replace(" ", "").Equals("MaximumPoolSize", StringComparison.OrdinalIgnoreCase)
                        || key.Replace(" ", "").Equals("MaxPoolSize", StringComparison.OrdinalIgnoreCase));
}
