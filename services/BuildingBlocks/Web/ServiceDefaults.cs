using IdoPlatform.BuildingBlocks.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>The HTTP conventions every service shares (NL GOV API Design Rules), in two calls:
/// <code>
/// var builder = WebApplication.CreateBuilder(args);
/// builder.AddServiceDefaults(new ServiceDescription("registrations", "/registrations/v1", "1.0.0", "Registraties"));
/// var app = builder.Build();
/// app.UseServiceDefaults();
/// app.MapGroup("/registrations/v1").MapVisits();
/// app.Run();
/// </code>
/// Settings: <c>Api</c> (<see cref="ApiOptions"/>) and <c>Auth</c> (<see cref="AuthOptions"/>).</summary>
public static class ServiceDefaults
{
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder, ServiceDescription service)
    {
        service.Validate();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false); // hide the implementation

        var services = builder.Services;
        services.AddSingleton(service);
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        services.AddOptions<IdempotencyOptions>().BindConfiguration($"{ApiOptions.Section}:Idempotency");

        services.ConfigureHttpJsonOptions(json => ApiJson.Configure(json.SerializerOptions));
        // Errors are problem documents: ours written first, exceptions mapped by our handler.
        services.AddSingleton<IProblemDetailsWriter, ProblemJsonWriter>();
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiExceptionHandler>();
        // Binding failures throw, so the exception handler can name the bad parameters.
        services.Configure<RouteHandlerOptions>(routing => routing.ThrowOnBadRequest = true);

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<ApiOptions>>((cors, api) => CorsSetup.Configure(cors, api.Value.CorsOrigins));

        services.AddPlatformSecurity();
        services.AddApiDocumentation(service);
        services.AddSingleton<ShutdownDrain>();
        services.AddHostedService(sp => sp.GetRequiredService<ShutdownDrain>());
        services.AddHealthChecks().Add(new HealthCheckRegistration(ShutdownDrain.Name,
            sp => sp.GetRequiredService<ShutdownDrain>(), HealthStatus.Unhealthy, [HealthEndpoints.LiveTag]));
        services.AddPlatformTracing(service);
        // A factory, so a service without a database (the gateway) still builds; resolved on first use.
        services.TryAddSingleton(sp => new IdempotencyStore(sp.GetRequiredService<NpgsqlDataSource>(),
            sp.GetRequiredService<IOptions<IdempotencyOptions>>()));
        return builder;
    }

    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        var service = app.Services.GetRequiredService<ServiceDescription>();
        app.UseMiddleware<ResponseHeadersMiddleware>();
        app.UseCors();
        app.UseExceptionHandler();
        app.UseStatusCodePages(); // an error status without a body (401 challenge, 405, …) gets a problem document
        app.UseMiddleware<RequestRefusals>();
        // HEAD is a GET without the body (RFC 9110 §9.3.2): routed as the GET it mirrors; Kestrel sends no body for it.
        app.Use((http, next) =>
        {
            if (HttpMethods.IsHead(http.Request.Method)) http.Request.Method = HttpMethods.Get;
            return next(http);
        });
        app.UseRouting();
        // No endpoint matched: a 404, before the fallback policy could turn it into a 401; likewise an Accept the endpoint
        // itself cannot answer is a 406.
        app.Use((http, next) =>
        {
            if (http.GetEndpoint() is null) http.Response.StatusCode = StatusCodes.Status404NotFound;
            else if (!ContentNegotiation.AcceptableForEndpoint(http)) http.Response.StatusCode = StatusCodes.Status406NotAcceptable;
            else return next(http);
            return Task.CompletedTask;
        });
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApiDocument(service);
        app.MapHealthEndpoints();
        return app;
    }
}
