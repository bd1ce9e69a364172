using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace IdoPlatform.Testing.Outages;

/// <summary>
/// A loopback port that forwards to a real server, and can be cut: <see cref="Cut"/> drops every open
/// connection and refuses new ones, exactly what a client sees of a server that went down;
/// <see cref="Restore"/> takes connections on the same port again. Point one client at it to take its
/// server away from that client alone (the shared test servers may not be stopped).
/// <code>
/// await using var link = TcpLink.To("127.0.0.1", 5432);
/// var connectionString = new NpgsqlConnectionStringBuilder(original) { Port = link.Port }.ConnectionString;
/// </code>
/// </summary>
public sealed class TcpLink : IAsyncDisposable
{
    private readonly string _host;
    private readonly int _port;
    private readonly ConcurrentDictionary<Socket, byte> _open = new();
    private readonly object _gate = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _accepting;

    private TcpLink(string host, int port)
    {
        _host = host;
        _port = port;
        Port = Listen(0);
    }

    /// <summary>The loopback port clients connect to.</summary>
    public int Port { get; }

    public bool IsCut { get; private set; }

    public static TcpLink To(string host, int port) => new(host, port);

    /// <summary>Closes every forwarded connection and refuses new ones until <see cref="Restore"/>.</summary>
    public void Cut()
    {
        lock (_gate)
        {
            IsCut = true;
            _accepting?.Cancel();
            _listener?.Stop();
            _listener = null;
            foreach (var socket in _open.Keys) Drop(socket);
        }
    }

    public void Restore()
    {
        lock (_gate)
        {
            if (_listener is not null) return;
            Listen(Port);
            IsCut = false;
        }
    }

    private int Listen(int onPort)
    {
        var next = new TcpListener(IPAddress.Loopback, onPort);
        next.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        next.Start();
        _listener = next;
        _accepting = new CancellationTokenSource();
        _ = Accept(next, _accepting.Token);
        return ((IPEndPoint)next.LocalEndpoint).Port;
    }

    private async Task Accept(TcpListener from, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await from.AcceptSocketAsync(ct);
            }
            catch (Exception) when (ct.IsCancellationRequested || from.Server is null)
            {
                return;
            }
            catch (SocketException)
            {
                return; // the listener was stopped
            }
            _ = Forward(client, ct);
        }
    }

    private async Task Forward(Socket client, CancellationToken ct)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        client.NoDelay = true;
        _open[client] = 0;
        _open[server] = 0;
        try
        {
            await server.ConnectAsync(_host, _port, ct);
            await Task.WhenAny(Pump(client, server, ct), Pump(server, client, ct));
        }
        catch (Exception)
        {
            // A cut, or either side gone: both ends close below.
        }
        finally
        {
            Drop(client);
            Drop(server);
        }
    }

    private static async Task Pump(Socket from, Socket to, CancellationToken ct)
    {
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, ct)) > 0)
                await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, ct);
        }
        catch (Exception)
        {
            // Closed on either side.
        }
    }

    private void Drop(Socket socket)
    {
        _open.TryRemove(socket, out _);
        try
        {
            socket.Close(0); // a reset, as from a server that went away
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }
}
