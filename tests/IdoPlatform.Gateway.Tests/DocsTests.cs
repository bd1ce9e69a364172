using System.Net;
using IdoPlatform.Gateway.Tests.Support;

namespace IdoPlatform.Gateway.Tests;

[Collection(GatewayWithFourServicesCollection.Name)]
public sealed class DocsTests(GatewayWithFourServices fixture)
{
    [Fact]
    public async Task The_docs_serve_one_Swagger_UI_without_a_token()
    {
        var page = await FollowAsync("/docs");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("swagger-ui", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_UI_lists_the_openapi_document_of_every_service()
    {
        var configuration = await UiConfigurationAsync();

        foreach (var service in RunningGateway.Services)
            Assert.Contains($"/{service}/v1/openapi.json", configuration);
    }

    [Fact]
    public async Task The_UI_may_run_its_own_scripts_but_cannot_be_framed()
    {
        var page = await FollowAsync("/docs");

        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
    }

    /// <summary>Swashbuckle puts the UI's configuration (the document list) in the page or in a script
    /// beside it, depending on its version; look in both.</summary>
    private async Task<string> UiConfigurationAsync()
    {
        var page = await FollowAsync("/docs");
        var html = await page.Content.ReadAsStringAsync();
        using var script = await fixture.Gateway.Client.GetAsync("/docs/index.js");
        var js = script.IsSuccessStatusCode ? await script.Content.ReadAsStringAsync() : "";
        return html + js;
    }

    private async Task<HttpResponseMessage> FollowAsync(string path)
    {
        var target = new Uri(fixture.Gateway.Address, path);
        for (var hops = 0; hops < 5; hops++)
        {
            var response = await fixture.Gateway.Client.GetAsync(target);
            if (response.StatusCode is not (HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.Redirect
                or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect))
                return response;
            target = new Uri(target, response.Headers.Location!);
            response.Dispose();
        }
        throw new InvalidOperationException($"Too many redirects from {path}.");
    }
}
