using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace IdoPlatform.LocalServers.RabbitMq;

/// <summary>The slice of RabbitMQ's management HTTP API the tests need: is it up, and virtual hosts.</summary>
public sealed class ManagementApi(Uri baseUri, string user, string password)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public Uri BaseUri { get; } = baseUri;

    public string User { get; } = user;

    public async Task<bool> AnswersAsync()
    {
        try
        {
            using var response = await Send(HttpMethod.Get, "api/overview", body: null, TimeSpan.FromSeconds(3));
            return response.IsSuccessStatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>Creates the virtual host and lets <see cref="User"/> do anything in it.</summary>
    public async Task CreateVirtualHostAsync(string name)
    {
        await Expect(HttpMethod.Put, $"api/vhosts/{Escape(name)}", "{}");
        await Expect(HttpMethod.Put, $"api/permissions/{Escape(name)}/{Escape(User)}",
            """{"configure":".*","write":".*","read":".*"}""");
    }

    public async Task DeleteVirtualHostAsync(string name)
    {
        using var response = await Send(HttpMethod.Delete, $"api/vhosts/{Escape(name)}", body: null, TimeSpan.FromSeconds(30));
        if (!response.IsSuccessStatusCode && response.StatusCode != HttpStatusCode.NotFound)
            throw await Failure(response);
    }

    private async Task Expect(HttpMethod method, string path, string body)
    {
        using var response = await Send(method, path, body, TimeSpan.FromSeconds(30));
        if (!response.IsSuccessStatusCode)
            throw await Failure(response);
    }

    private async Task<HttpResponseMessage> Send(HttpMethod method, string path, string? body, TimeSpan timeout)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUri, path));
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{password}")));
        if (body is not null)
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        using var cancel = new CancellationTokenSource(timeout);
        return await Http.SendAsync(request, cancel.Token);
    }

    private static async Task<Exception> Failure(HttpResponseMessage response) =>
        new InvalidOperationException(
            $"RabbitMQ management API {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered " +
            $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");

    // The default virtual host "/" must travel as %2F.
    private static string Escape(string segment) => Uri.EscapeDataString(segment);
}
