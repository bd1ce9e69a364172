using System.Linq.Expressions;

namespace IdoPlatform.BuildingBlocks.EventStore;

public sealed class EventStoreOptions
{
    /// <summary>The service's own database.</summary>
    public string ConnectionString { get; set; } = "";

    public EventTypeRegistry Events { get; } = new();

    /// <summary>A session idle inside a transaction longer than this is ended by PostgreSQL, so a stuck writer
    /// cannot hold back the daemon's high-water mark (and every subscription) for long.</summary>
    public TimeSpan IdleInTransactionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The pool maximum when the connection string names none (Npgsql's own default, 100, would let a few
    /// replicas exceed a server's max_connections). Requests, consumers and Marten's daemon share this pool.</summary>
    public int DefaultMaxPoolSize { get; set; } = 30;

    /// <summary>Run the async daemon (subscriptions, async projections) in this process; off for tools that only write.</summary>
    public bool RunDaemon { get; set; } = true;

    internal List<AggregateRegistration> Aggregates { get; } = [];

    internal List<Action<Marten.StoreOptions>> MartenSettings { get; } = [];

    /// <summary>The service's own tables (read models, replicas), declared so Marten (Weasel) creates and migrates them
    /// with its own schema, in the one schema step at start-up.</summary>
    public EventStoreOptions Tables(params Weasel.Postgresql.Tables.Table[] tables) =>
        Marten(marten => marten.Storage.ExtendedSchemaObjects.AddRange(tables));

    /// <summary>A setting of Marten's own that one service needs (masking rules, say).</summary>
    public EventStoreOptions Marten(Action<Marten.StoreOptions> configure)
    {
        MartenSettings.Add(configure);
        return this;
    }

    /// <summary>
    /// A stream type: its stable name (Marten's stream type), the state's id, and the pure evolve function that folds
    /// its events. The same function builds the state for <see cref="EventStreams"/> and Marten's live aggregation.
    /// </summary>
    public EventStoreOptions Aggregate<T>(string streamType, Expression<Func<T, Guid>> id, Func<T?, object, T?> evolve)
        where T : class
    {
        Aggregates.Add(new AggregateRegistration(typeof(T), streamType,
            marten =>
            {
                marten.Schema.For<T>().Identity(Boxed(id)).DocumentAlias(streamType);
                marten.Projections.Add(new EvolvingAggregate<T>(evolve), JasperFx.Events.Projections.ProjectionLifecycle.Live);
            },
            (state, e) => evolve((T?)state, e)));
        return this;
    }

    internal Func<object?, object, object?> EvolveOf(Type type) =>
        Aggregates.FirstOrDefault(a => a.Type == type)?.Evolve
        ?? throw new InvalidOperationException($"{type.Name} is not a registered aggregate; call Aggregate<{type.Name}>(…).");

    static Expression<Func<T, object>> Boxed<T>(Expression<Func<T, Guid>> id) =>
        Expression.Lambda<Func<T, object>>(Expression.Convert(id.Body, typeof(object)), id.Parameters);
}

internal sealed record AggregateRegistration(Type Type, string StreamType, Action<Marten.StoreOptions> Configure,
    Func<object?, object, object?> Evolve);
