using System.Text.Json.Nodes;
using IdoPlatform.BuildingBlocks.Web;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace IdoPlatform.Gateway.DemoTokens;

/// <summary><c>POST /auth/v1/tokens</c> with a demo account's username and password → a bearer token.
/// For local use and tests only: mapped only when <c>Auth:DemoTokens:Enabled</c> is true.</summary>
internal static class IssueDemoToken
{
    public const string Path = "/auth/v1/tokens";

    public sealed record Request(string Username, string Password);

    public static async Task<IResult> HandleAsync(HttpContext http, DemoAccountStore accounts, DemoTokenIssuer issuer,
        IOptions<JsonOptions> json)
    {
        var (body, problem) = await StrictJsonBody.ReadAsync(http);
        if (problem is not null)
            return problem;

        // Shape errors (unknown, missing, null, not a string) and content errors (blank, too long) together.
        var validator = new Validator();
        var shapeErrors = JsonBodyErrors.Find(body, typeof(Request), json.Value.SerializerOptions);
        foreach (var error in shapeErrors)
            validator.Add(error.Name, error.Code, error.Reason);
        // A field already refused is not read again: a lone surrogate ("\ud800") would throw on reading.
        var username = shapeErrors.Any(e => e.Name == "username") ? null : TextAt(body, "username");
        var password = shapeErrors.Any(e => e.Name == "password") ? null : TextAt(body, "password");
        if (username is not null) validator.Required("username", username);
        if (password is not null) validator.Required("password", password);
        validator.MaxLength("username", username, 100);
        validator.MaxLength("password", password, 200);
        if (validator.HasErrors)
            return validator.Problem();

        return accounts.Find(username!, password!) is { } account
            ? Results.Ok(issuer.Issue(account))
            : Problems.Unauthorized("Onbekende gebruikersnaam of onjuist wachtwoord.");
    }

    private static string? TextAt(JsonNode? body, string name) =>
        body is JsonObject json && json.TryGetPropertyValue(name, out var value) && value is JsonValue text
            && text.TryGetValue<string>(out var result) ? result : null;
}
