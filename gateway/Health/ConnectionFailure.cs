using System.Net.Http;
using System.Net.Sockets;

namespace IdoPlatform.Gateway.Health;

/// <summary>Nobody listens at the address (refused, unreachable, name unknown): the service is down,
/// as opposed to a service that answered badly.</summary>
internal static class ConnectionFailure
{
    public static bool Is(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError })
                return true;
            if (current is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostUnreachable
                or SocketError.NetworkUnreachable or SocketError.HostNotFound or SocketError.TimedOut })
                return true;
        }
        return false;
    }
}
