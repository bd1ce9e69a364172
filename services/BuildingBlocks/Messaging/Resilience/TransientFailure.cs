using System.Data.Common;
using System.Net.Sockets;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.Messaging.Resilience;

/// <summary>
/// Whether a consumer failed because something it needs is away for a while (its database or the broker
/// unreachable, restarting or overloaded, a timeout), not because of the message. Such a failure means
/// "not yet": the message is retried until the outage ends, never dead-lettered. Wrapped exceptions count
/// (a store may wrap the Npgsql one).
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
