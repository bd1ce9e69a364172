using Npgsql;

namespace IdoPlatform.Testing;

/// <summary>One-off SQL against a test's database, on a connection of its own: what a test checks was stored.</summary>
public static class Sql
{
    /// <summary>One number (a count of stored rows, say); <paramref name="parameters"/> fill <c>$1</c>, <c>$2</c>, ….</summary>
    public static async Task<long> Scalar(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.AddWithValue(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>The first column of every row, in the order the query gives.</summary>
    public static async Task<List<T>> Column<T>(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync()) values.Add(reader.GetFieldValue<T>(0));
        return values;
    }
}
