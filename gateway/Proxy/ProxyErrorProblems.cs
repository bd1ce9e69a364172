using System.Globalization;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Gateway.Edge;
using IdoPlatform.Gateway.Health;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace IdoPlatform.Gateway.Proxy;

/// <summary>Turns a failed forward into a problem document: a service that is down (no healthy
/// destination, connection refused) → 503 with <c>Retry-After</c>; a service that does not answer in
/// time → 504; any other broken exchange → 502. A service's own answers, errors included, pass as they are.</summary>
internal sealed class ProxyErrorProblems(RequestDelegate next, IOptions<GatewayOptions> options)
{
    public async Task InvokeAsync(HttpContext http)
    {
        await next(http);

        var failure = http.GetForwarderErrorFeature();
        if (failure is null || http.Response.HasStarted || http.RequestAborted.IsCancellationRequested)
            return;

        var service = http.GetReverseProxyFeature().Cluster.Config.ClusterId;
        var (status, title, detail) = Describe(failure, service, http.Response.StatusCode);
        var problem = Problems.Create(status, detail);
        problem.Title = title;
        http.Response.Clear();
        if (status == StatusCodes.Status503ServiceUnavailable)
            http.Response.Headers.RetryAfter = RetryAfterSeconds();
        // A person whose page (the web service) is down reads a page saying so.
        if (BrowserPages.Wanted(http.Request))
            await BrowserPages.WriteAsync(http, status);
        else
            await ProblemWriter.WriteAsync(http, problem);
    }

    private (int Status, string Title, string Detail) Describe(IForwarderErrorFeature failure, string service, int statusSoFar) =>
        failure.Error switch
        {
            ForwarderError.NoAvailableDestinations =>
                (503, "Dienst niet beschikbaar", $"De dienst '{service}' is tijdelijk niet bereikbaar. Probeer het later opnieuw."),
            ForwarderError.Request when ConnectionFailure.Is(failure.Exception) =>
                (503, "Dienst niet beschikbaar", $"De dienst '{service}' is tijdelijk niet bereikbaar. Probeer het later opnieuw."),
            ForwarderError.RequestTimedOut =>
                (504, "Dienst antwoordt niet op tijd",
                    $"De dienst '{service}' antwoordde niet binnen {options.Value.Timeout.TotalSeconds:0.#} seconden."),
            // The client's own body was refused while streaming (e.g. 413 over the limit, 400 malformed).
            ForwarderError.RequestBodyClient when statusSoFar is >= 400 and < 500 =>
                (statusSoFar, Problems.Create(statusSoFar).Title!, Problems.Create(statusSoFar).Detail!),
            _ => (502, "Ongeldig antwoord van dienst", $"De dienst '{service}' gaf geen bruikbaar antwoord."),
        };

    private string RetryAfterSeconds() =>
        Math.Max(1, (int)Math.Ceiling(options.Value.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
}
