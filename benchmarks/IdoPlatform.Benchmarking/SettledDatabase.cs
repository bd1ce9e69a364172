using Npgsql;

namespace IdoPlatform.Benchmarking;

public static class SettledDatabase
{
    /// <summary>Vacuums and checkpoints the databases, so a measurement does not pay autovacuum's or the checkpointer's
    /// work for rows written just before it (a seeding, an earlier path): a real database's rows were written long ago.</summary>
    public static async Task Settle(params NpgsqlDataSource[] databases)
    {
        foreach (var database in databases)
            foreach (var sql in new[] { "VACUUM (ANALYZE)", "CHECKPOINT" })
            {
                await using var command = database.CreateCommand(sql);
                command.CommandTimeout = 0;
                await command.ExecuteNonQueryAsync();
            }
    }
}
