using IdoPlatform.EndToEnd.Tests.Fixture;

namespace IdoPlatform.EndToEnd.Tests.Authorization;

/// <summary>The authorization matrix (<see cref="AuthorizationMatrix"/>) over real HTTP: each row × role, once
/// through the gateway and once straight to the service, which must guard itself just as well.</summary>
[Collection(PlatformCollection.Name)]
public sealed partial class AuthorizationMatrixTests(PlatformFixture platform)
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^\d+\.\d+\.\d+")]
    private static partial System.Text.RegularExpressions.Regex SemVer();

    public static TheoryData<string, Role, Route> Cases()
    {
        var cases = new TheoryData<string, Role, Route>();
        foreach (var row in AuthorizationMatrix.Rows)
            foreach (var route in Enum.GetValues<Route>())
                foreach (var role in MatrixRoles.All)
                    cases.Add(row.Name, role, route);
        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_gets_the_status_the_rules_give_and_never_data_it_may_not_see(string rowName, Role role, Route route)
    {
        var row = AuthorizationMatrix.Find(rowName);
        var world = await MatrixWorld.GetAsync(platform);
        var probe = await row.Prepare(world, role);
        var token = MatrixRoles.DemoAccount(role) is { } account ? await platform.DemoTokenAsync(account) : null;
        using var api = route == Route.Gateway ? platform.Gateway(token) : platform.Direct(probe.Service, token);

        var answer = await api.SendAsync(probe.Method, probe.Path, probe.Body, probe.Headers);

        var expected = row.ExpectedFor(role, route);
        var what = $"[{row.Name}] as {role} via {route}{(row.Note is null ? "" : $" (note: {row.Note})")}";
        Assert.True(answer.Code == expected, $"{what}: expected {expected}, got {answer}");
        if (answer.Code >= 400)
            Assert.True(answer.ContentType == "application/problem+json", $"{what}: an error must be a problem document: {answer}");
        // NL GOV API Design Rules: every answer, refusals included, says which API version gave it (full SemVer).
        Assert.True(SemVer().IsMatch(answer.Header("API-Version") ?? ""), $"{what}: no full SemVer API-Version header: {answer}");

        var secrets = row.Secrets?.Invoke(world) ?? [];
        var shown = answer.Code is >= 200 and < 300 && (row.ShownTo?.Contains(role) ?? false);
        var content = WithoutEchoedPath(answer);
        foreach (var secret in secrets)
            if (shown)
                Assert.True(content.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{what}: the answer should show {secret}: {answer}");
            else
                Assert.False(content.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{what}: the answer must not show {secret}: {answer}");

        if (row.After is { } after)
            await after(world, new ApiAnswer(answer.Code, answer.ContentType?.EndsWith("json") == true && answer.Body.Length > 0 ? answer.Json : null));
    }

    /// <summary>A problem document's <c>instance</c> repeats the request path, which the caller wrote itself
    /// (ids included): that is no disclosure. Everything else in the answer is.</summary>
    private static string WithoutEchoedPath(ApiResponse answer)
    {
        if (answer.ContentType != "application/problem+json" || System.Text.Json.Nodes.JsonNode.Parse(answer.Body) is not System.Text.Json.Nodes.JsonObject problem)
            return answer.Body;
        problem.Remove("instance");
        return problem.ToJsonString();
    }
}
