using IdoPlatform.BuildingBlocks.Messaging.Tests.Infrastructure;
using IdoPlatform.Testing;
using IdoPlatform.Testing.EventStore;
using Npgsql;
using InboxStore = IdoPlatform.BuildingBlocks.Messaging.Inbox.Inbox;

namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Integration;

/// <summary>The inbox on a real PostgreSQL: the record and the effect commit or roll back together.</summary>
public sealed class InboxTests
{
    const string Effects = "CREATE TABLE effects (message_id uuid NOT NULL)";

    [Fact]
    public async Task A_handled_message_is_not_handled_again()
    {
        var (database, dataSource) = await Fresh();
        var id = Guid.NewGuid();

        await HandleWithEffect(dataSource, "c", id);
        var second = await InboxStore.Begin(dataSource, "c", id);

        Assert.Null(second);
        Assert.Equal(1, await Sql.Scalar(database, "SELECT count(*) FROM effects"));
    }

    [Fact]
    public async Task An_effect_that_is_not_committed_takes_the_record_with_it()
    {
        var (database, dataSource) = await Fresh();
        var id = Guid.NewGuid();

        await using (var failed = await InboxStore.Begin(dataSource, "c", id))
        {
            await using var insert = failed!.CreateCommand($"INSERT INTO effects VALUES ('{id}')");
            await insert.ExecuteNonQueryAsync();
            // the consumer throws here: no commit
        }
        Assert.False(await InboxStore.WasHandled(dataSource, "c", id));

        await HandleWithEffect(dataSource, "c", id);
        Assert.Equal(1, await Sql.Scalar(database, "SELECT count(*) FROM effects"));
        Assert.True(await InboxStore.WasHandled(dataSource, "c", id));
    }

    [Fact]
    public async Task Records_are_per_consumer()
    {
        var (database, dataSource) = await Fresh();
        var id = Guid.NewGuid();

        await HandleWithEffect(dataSource, "locations", id);
        await HandleWithEffect(dataSource, "counts", id);

        Assert.Equal(2, await Sql.Scalar(database, "SELECT count(*) FROM effects"));
    }

    [Fact]
    public async Task A_concurrent_delivery_waits_for_the_first_and_then_finds_it_handled()
    {
        var (_, dataSource) = await Fresh();
        var id = Guid.NewGuid();
        await using var first = await InboxStore.Begin(dataSource, "c", id);

        var second = InboxStore.Begin(dataSource, "c", id);
        await Task.Delay(300);
        Assert.False(second.IsCompleted, "the second delivery must wait on the first one's record");

        await first!.Commit();
        Assert.Null(await second);
    }

    [Fact]
    public async Task A_message_without_an_id_is_refused()
    {
        var (_, dataSource) = await Fresh();

        await Assert.ThrowsAsync<InvalidOperationException>(() => InboxStore.Begin(dataSource, "c", null));
        await Assert.ThrowsAsync<InvalidOperationException>(() => InboxStore.Begin(dataSource, "c", Guid.Empty));
    }

    [Fact]
    public async Task Databases_whose_inbox_was_created_on_first_use_start_without_a_migration()
    {
        const string oldScript = """
            CREATE TABLE IF NOT EXISTS ido_inbox (
                consumer   text        NOT NULL,
                message_id uuid        NOT NULL,
                handled_at timestamptz NOT NULL DEFAULT now(),
                PRIMARY KEY (consumer, message_id)
            )
            """;

        var comparison = await DeclaredTables.CompareWithScript(oldScript, () => [InboxStore.DeclaredTable()]);

        Assert.Empty(comparison.Migration);
        Assert.Equal(comparison.ScriptCatalog, comparison.DeclaredCatalog);
    }

    static async Task HandleWithEffect(NpgsqlDataSource dataSource, string consumer, Guid id)
    {
        await using var inbox = await InboxStore.Begin(dataSource, consumer, id);
        Assert.NotNull(inbox);
        await using var insert = inbox.CreateCommand($"INSERT INTO effects VALUES ('{id}')");
        await insert.ExecuteNonQueryAsync();
        await inbox.Commit();
    }

    static async Task<(string Database, NpgsqlDataSource DataSource)> Fresh()
    {
        var database = await RealServers.NewDatabaseAsync("inbox");
        await Sql.Scalar(database, Effects + "; SELECT 1");
        await DeclaredTables.Create(database, InboxStore.DeclaredTable());
        return (database, NpgsqlDataSource.Create(database));
    }
}
