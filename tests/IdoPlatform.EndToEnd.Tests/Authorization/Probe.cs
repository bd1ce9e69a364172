using IdoPlatform.Launcher;

namespace IdoPlatform.EndToEnd.Tests.Authorization;

/// <summary>One request of the matrix: to which service, what, and with which headers.</summary>
public sealed record Probe(PlatformService Service, HttpMethod Method, string Path, object? Body = null,
    IReadOnlyDictionary<string, string>? Headers = null)
{
    public static Probe Get(PlatformService service, string path) => new(service, HttpMethod.Get, path);

    public static Probe Post(PlatformService service, string path, object? body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(service, HttpMethod.Post, path, body, headers);

    public static Probe Put(PlatformService service, string path, object? body, IReadOnlyDictionary<string, string>? headers = null) =>
        new(service, HttpMethod.Put, path, body, headers);
}

/// <summary>
/// One row of the matrix: an endpoint (family) aimed at one target, and the status each role must get.
/// <paramref name="Secrets"/> are what the target holds (an id, a title): an answer to a role outside
/// <paramref name="ShownTo"/> must never contain them; an allowed answer to a role in it must.
/// </summary>
public sealed record Row(
    string Name,
    Func<MatrixWorld, Role, Task<Probe>> Prepare,
    IReadOnlyList<int> Expected,
    Func<MatrixWorld, IReadOnlyList<string>>? Secrets = null,
    IReadOnlyList<Role>? ShownTo = null,
    int? DirectAnonymous = null,
    Func<MatrixWorld, ApiAnswer, Task>? After = null,
    string? Note = null)
{
    public int ExpectedFor(Role role, Route route) =>
        route == Route.Direct && role == Role.Anonymous && DirectAnonymous is { } direct ? direct : Expected[(int)role];
}

/// <summary>What a row's follow-up step gets to see of the answer.</summary>
public sealed record ApiAnswer(int Status, System.Text.Json.Nodes.JsonNode? Json);
