using IdoPlatform.Gateway.Edge;

namespace IdoPlatform.Gateway.Docs;

/// <summary>One Swagger UI at <c>/docs</c> listing every service's <c>openapi.json</c>, fetched through the
/// gateway's public openapi routes, so the UI works without a token and "Try it out" goes through the
/// same door as every client.</summary>
internal static class DocsSetup
{
    /// <summary>Branches off before routing, so API traffic never passes the UI's middleware.</summary>
    public static void UseGatewayDocs(this WebApplication app, GatewayOptions options) =>
        app.UseWhen(http => DocsPaths.IsDocs(http.Request.Path), docs => docs.UseSwaggerUI(ui =>
        {
            ui.RoutePrefix = DocsPaths.RoutePrefix;
            ui.DocumentTitle = "IDO-platform – API-documentatie";
            foreach (var entry in options.Docs)
                ui.SwaggerEndpoint(entry.Url, entry.Name);
        }));
}
