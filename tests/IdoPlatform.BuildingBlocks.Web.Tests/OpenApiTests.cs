using System.Text.Json;
using IdoPlatform.BuildingBlocks.Web.Tests.SampleApi;
using IdoPlatform.Testing.OpenApi;

namespace IdoPlatform.BuildingBlocks.Web.Tests;

[Collection(nameof(SampleHost))]
public sealed class OpenApiTests(SampleHost host)
{
    private async Task<string> Document() => await host.Client.GetStringAsync("/samples/v1/openapi.json");

    [Fact]
    public async Task The_sample_api_passes_the_nl_gov_linter_without_errors()
    {
        await SpectralLint.AssertNoErrorsAsync(await Document());
    }

    [Fact]
    public async Task The_document_is_openapi_3_0_with_servers_contact_and_relative_paths()
    {
        var document = JsonDocument.Parse(await Document()).RootElement;

        Assert.StartsWith("3.0", document.GetProperty("openapi").GetString());
        Assert.Equal("https://api.ido.example.nl/samples/v1", document.GetProperty("servers")[0].GetProperty("url").GetString());
        Assert.Equal("1.2.3", document.GetProperty("info").GetProperty("version").GetString());
        Assert.True(document.GetProperty("info").GetProperty("contact").TryGetProperty("email", out _));
        Assert.True(document.GetProperty("paths").TryGetProperty("/notes/{id}", out _));
    }

    [Fact]
    public async Task Helpers_document_their_parameters_and_enums_are_strings()
    {
        var document = JsonDocument.Parse(await Document()).RootElement;
        var paths = document.GetProperty("paths");

        var list = paths.GetProperty("/notes").GetProperty("get");
        var names = list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("page", names);
        Assert.Contains("pageSize", names);
        Assert.True(list.GetProperty("responses").GetProperty("200").GetProperty("headers").TryGetProperty("Link", out _));

        var create = paths.GetProperty("/notes").GetProperty("post");
        Assert.Contains(create.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "Idempotency-Key");
        Assert.True(create.GetProperty("responses").TryGetProperty("401", out _));

        var kind = document.GetProperty("components").GetProperty("schemas").GetProperty("NoteKind");
        Assert.Equal("string", kind.GetProperty("type").GetString());
        Assert.Contains(kind.GetProperty("enum").EnumerateArray(), e => e.GetString() == "followUp");
    }

    [Fact]
    public async Task A_document_breaking_the_rules_fails_the_lint_with_the_rule_named()
    {
        var broken = (await Document()).Replace("\"/notes/{id}\"", "\"/Notes/{id}/\"");

        var failure = await Assert.ThrowsAsync<SpectralLintFailedException>(() => SpectralLint.AssertNoErrorsAsync(broken));

        Assert.Contains("path-keys-no-trailing-slash", failure.Message);
        Assert.Contains("nlgov:paths-kebab-case", failure.Message);
    }
}
