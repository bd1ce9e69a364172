using IdoPlatform.Testing.EventStore;

namespace IdoPlatform.BuildingBlocks.Web.Tests;

/// <summary>The stored answers' table, declared to Marten, against the DDL that created it on first use until then.</summary>
public sealed class IdempotencyTableTests
{
    // As it was last shipped (kept here, frozen): databases it created exist.
    private const string OldScript = """
        CREATE TABLE IF NOT EXISTS idempotency_keys (
            account      text        NOT NULL,
            route        text        NOT NULL,
            key          text        NOT NULL,
            request_hash text        NOT NULL,
            status_code  integer     NOT NULL,
            location     text,
            etag         text,
            content_type text,
            body         bytea       NOT NULL,
            created_at   timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (account, route, key)
        )
        """;

    [Fact]
    public async Task Databases_the_old_script_made_start_without_a_migration()
    {
        var comparison = await DeclaredTables.CompareWithScript(OldScript, () => [IdempotencyStore.DeclaredTable()]);

        Assert.Empty(comparison.Migration);
        Assert.Equal(comparison.ScriptCatalog, comparison.DeclaredCatalog);
        Assert.Contains("PRIMARY KEY (account, route, key)", comparison.DeclaredCatalog);
    }
}
