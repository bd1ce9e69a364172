using System.Net.Sockets;

namespace IdoPlatform.Testing.Docker;

/// <summary>Whether a Docker engine answers, asked quickly: a CLI without a daemon must not cost seconds.</summary>
public static class DockerEngine
{
    /// <summary>DOCKER_HOST when set, else the usual socket.</summary>
    public static string Endpoint =>
        Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : "unix:///var/run/docker.sock";

    public static async Task<bool> AnswersAsync(TimeSpan? timeout = null)
    {
        var endpoint = new Uri(Endpoint);
        var socketPath = endpoint.Scheme == "unix" ? endpoint.AbsolutePath : null;
        if (socketPath is not null && !File.Exists(socketPath))
            return false;
        using var handler = new SocketsHttpHandler();
        if (socketPath is not null)
            handler.ConnectCallback = async (_, cancel) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancel);
                return new NetworkStream(socket, ownsSocket: true);
            };
        using var http = new HttpClient(handler) { Timeout = timeout ?? TimeSpan.FromSeconds(2) };
        var ping = socketPath is not null ? new Uri("http://docker/_ping") : new UriBuilder(endpoint) { Scheme = "http", Path = "/_ping" }.Uri;
        try
        {
            using var response = await http.GetAsync(ping);
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or SocketException)
        {
            return false;
        }
    }
}
