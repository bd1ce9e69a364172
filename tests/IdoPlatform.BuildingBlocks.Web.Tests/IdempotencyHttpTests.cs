using System.Net;
using System.Text;
using System.Text.Json;
using IdoPlatform.BuildingBlocks.Web.Tests.SampleApi;
using IdoPlatform.Testing;
using IdoPlatform.Testing.EventStore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace IdoPlatform.BuildingBlocks.Web.Tests;

/// <summary>The sample API with a real database behind <c>WithIdempotency()</c>.</summary>
public sealed class IdempotentSampleHost : SampleHost
{
    protected override async Task ConfigureServicesAsync(IServiceCollection services)
    {
        var connectionString = await RealServers.NewDatabaseAsync("web_idempotency");
        await DeclaredTables.Create(connectionString, IdempotencyStore.DeclaredTable());
        services.AddSingleton(_ => NpgsqlDataSource.Create(connectionString));
    }
}

public sealed class IdempotencyHttpTests(IdempotentSampleHost host) : IClassFixture<IdempotentSampleHost>
{
    private const string Body = """{"title":"Vraag","kind":"call","items":[{"topic":"digid","minutes":5}]}""";
    private readonly HttpClient _desk = host.ClientAs(SampleHost.DeskAccount);

    private async Task<HttpResponseMessage> Post(string key, string body = Body, string path = "/samples/v1/notes")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await _desk.SendAsync(request);
    }

    [Fact]
    public async Task A_retried_post_returns_the_first_result_and_creates_one_resource()
    {
        var key = Guid.NewGuid().ToString();
        var before = host.App.Services.GetRequiredService<NoteBook>().Notes.Count;

        var first = await Post(key);
        var retry = await Post(key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.Equal(first.Headers.ETag, retry.Headers.ETag);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal("application/json", retry.Content.Headers.ContentType?.MediaType);
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        Assert.Equal("1.2.3", Assert.Single(retry.Headers.GetValues("API-Version")));
        Assert.Equal(before + 1, host.App.Services.GetRequiredService<NoteBook>().Notes.Count);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_a_422_problem()
    {
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await Post(key)).StatusCode);

        var reused = await Post(key, Body.Replace("Vraag", "Andere vraag"));

        await ProblemAssert.ReadAsync(reused, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_refused_when_the_path_differs_only_in_case()
    {
        var key = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.Created, (await Post(key)).StatusCode);

        var reused = await Post(key, Body.Replace("Vraag", "Andere vraag"), "/samples/v1/NOTES");

        await ProblemAssert.ReadAsync(reused, HttpStatusCode.UnprocessableEntity);
    }

    [Fact]
    public async Task Two_keys_joined_into_one_header_by_a_proxy_are_a_400_naming_the_header()
    {
        var problem = await ProblemAssert.ReadAsync(await Post($"{Guid.NewGuid()}, {Guid.NewGuid()}"), HttpStatusCode.BadRequest);

        Assert.Equal("Idempotency-Key", problem.GetProperty("invalidParams")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task An_invalid_request_is_not_remembered()
    {
        var key = Guid.NewGuid().ToString();
        var invalid = await Post(key, """{"title":"","kind":"call","items":[]}""");
        var problem = await ProblemAssert.ReadAsync(invalid, HttpStatusCode.BadRequest);
        Assert.Equal(2, problem.GetProperty("invalidParams").GetArrayLength());

        // The same key with the same invalid body runs again: still the full 400, not a stored one.
        var again = await Post(key, """{"title":"","kind":"call","items":[]}""");
        await ProblemAssert.ReadAsync(again, HttpStatusCode.BadRequest);
        Assert.False(again.Headers.Contains("Idempotent-Replayed"));
    }

    [Fact]
    public async Task An_overlong_key_is_a_400_naming_the_header()
    {
        var problem = await ProblemAssert.ReadAsync(await Post(new string('k', 300)), HttpStatusCode.BadRequest);

        Assert.Equal("Idempotency-Key", JsonSerializer.Deserialize<JsonElement>(problem.GetRawText())
            .GetProperty("invalidParams")[0].GetProperty("name").GetString());
    }
}
