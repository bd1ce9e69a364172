using System.Net.Sockets;
using IdoPlatform.BuildingBlocks.Hosting;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Unit;

public sealed class TransientFailureTests
{
    [Theory]
    [InlineData("08006")] // connection failure
    [InlineData("57P01")] // administrator shutdown
    [InlineData("57P03")] // the server is starting
    [InlineData("53300")] // too many connections
    [InlineData("40001")] // serialization failure
    public void A_server_away_busy_or_racing_is_transient(string sqlState) =>
        Assert.True(TransientFailure.Is(Postgres(sqlState)));

    [Theory]
    [InlineData("23505")] // unique violation
    [InlineData("22P02")] // invalid text representation
    [InlineData("42P01")] // undefined table
    public void A_statement_that_fails_for_its_data_or_the_code_is_not(string sqlState) =>
        Assert.False(TransientFailure.Is(Postgres(sqlState)));

    [Fact]
    public void An_unreachable_server_is_transient_even_wrapped() =>
        Assert.True(TransientFailure.Is(new InvalidOperationException("store failed",
            new NpgsqlException("Failed to connect", new SocketException((int)SocketError.ConnectionRefused)))));

    [Fact]
    public void A_timeout_is_transient() => Assert.True(TransientFailure.Is(new TimeoutException()));

    [Fact]
    public void A_consumer_s_own_error_is_not() =>
        Assert.False(TransientFailure.Is(new InvalidOperationException("bad message", new FormatException())));

    static PostgresException Postgres(string sqlState) => new("message", "ERROR", "ERROR", sqlState);
}
