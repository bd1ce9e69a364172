using System.Net;
using System.Net.Sockets;

namespace IdoPlatform.LocalServers;

/// <summary>A loopback port nobody listens on right now (a race is retried by the caller).</summary>
public static class FreePort
{
    // Below Linux's ephemeral range (32768–60999): a port the kernel hands out for outgoing connections can be taken
    // by one (a pooled database or broker connection) between our pick and a slow start-up's bind — and again while
    // a restarted instance is down.
    private const int Lowest = 20000;
    private const int Highest = 32767;

    public static int Next()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = Random.Shared.Next(Lowest, Highest + 1);
            try
            {
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                return port;
            }
            catch (SocketException)
            {
                // taken: another one
            }
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static async Task<bool> Accepts(int port)
    {
        using var client = new TcpClient();
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await client.ConnectAsync(IPAddress.Loopback, port, timeout.Token);
            return true;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
