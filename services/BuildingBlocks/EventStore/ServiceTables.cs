using Weasel.Postgresql.Tables;

namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>Starting points for a service's own tables, declared with <see cref="EventStoreOptions.Tables"/>.</summary>
public static class ServiceTables
{
    /// <summary>A table whose primary key carries PostgreSQL's own name (<c>{table}_pkey</c>) instead of Weasel's
    /// (<c>pkey_{table}_{columns}</c>), so tables that plain DDL created earlier are seen as unchanged.</summary>
    public static Table Named(string name) => new(name) { PrimaryKeyName = $"{name}_pkey" };
}
