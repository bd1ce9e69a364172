using System.Data.Common;
using System.Net.Sockets;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.Hosting;

/// <summary>
/// Whether something failed because what it needs is away for a while (the database or the broker
/// unreachable, restarting or overloaded, a timeout), not because of its input. Such a failure means
/// "not yet": a consumer retries the message until the outage ends, never dead-letters it; an HTTP request
/// answers 503. Wrapped exceptions count (a store may wrap the Npgsql one).
/// </summary>
public static class TransientFailure
{
    public static bool Is(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(Is)) return true;
            if (IsItself(e)) return true;
        }
        return false;
    }

    static bool IsItself(Exception e) => e switch
    {
        PostgresException postgres => postgres.IsTransient || IsOutage(postgres.SqlState),
        DbException { IsTransient: true } => true, // Npgsql: socket, I/O and timeout failures
        SocketException or TimeoutException => true,
        RabbitMQ.Client.Exceptions.BrokerUnreachableException or RabbitMQ.Client.Exceptions.AlreadyClosedException => true,
        MassTransit.ConnectionException => true,
        _ => false,
    };

    /// <summary>Connection exceptions (class 08) and a server shutting down or starting (57P01–57P03),
    /// which Npgsql does not all count as transient.</summary>
    static bool IsOutage(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal) || sqlState is "57P01" or "57P02" or "57P03";
}
