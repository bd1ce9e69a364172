using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>OpenTelemetry tracing of incoming requests and outgoing HttpClient calls (W3C
/// <c>traceparent</c> in and out), plus our own <c>IdoPlatform.*</c> activity sources. No exporter is
/// configured here: the OTLP exporter package is not pinned yet.</summary>
internal static class Tracing
{
    public static void AddPlatformTracing(this IServiceCollection services, ServiceDescription service) =>
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(service.Name, serviceVersion: service.Version))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = http => !http.Request.Path.StartsWithSegments("/health"))
                .AddSource("System.Net.Http") // .NET's own HttpClient activities
                .AddSource("IdoPlatform.*"));
}
