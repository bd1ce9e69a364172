using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace IdoPlatform.Testing.OpenApi;

/// <summary>Runs the NL GOV API Design Rules linter (Spectral with the Logius ruleset) on an OpenAPI
/// document and fails when it reports any error. Free of any test framework, so other test projects
/// can link this file:
/// <code>&lt;Compile Include="..\IdoPlatform.BuildingBlocks.Web.Tests\Shared\SpectralLint.cs" Link="Shared\SpectralLint.cs" /&gt;</code>
/// Needs <c>spectral</c> on the PATH (<c>npm install -g @stoplight/spectral-cli</c>) or in
/// <c>SPECTRAL_PATH</c>. The ruleset is <c>NLGOV_ADR_RULESET</c>, or <c>shared/standards/nlgov-adr-ruleset.yaml</c>
/// beside or inside the repository (found from the directory holding IdoPlatform.sln).</summary>
public static class SpectralLint
{
    public sealed record Finding(string Code, string Severity, string Message, string Path);

    /// <summary>Lints the document; throws with every error listed when there is one. Returns all
    /// findings (warnings included) for callers that want to print them.</summary>
    public static async Task<IReadOnlyList<Finding>> AssertNoErrorsAsync(string openApiJson, string? rulesetPath = null)
    {
        var findings = await LintAsync(openApiJson, rulesetPath);
        var errors = findings.Where(f => f.Severity == "error").ToList();
        if (errors.Count > 0)
            throw new SpectralLintFailedException(
                $"spectral reports {errors.Count} error(s) against the NL GOV API Design Rules:{Environment.NewLine}"
                + string.Join(Environment.NewLine, errors.Select(e => $"  {e.Code} at {e.Path}: {e.Message}")));
        return findings;
    }

    public static async Task<IReadOnlyList<Finding>> LintAsync(string openApiJson, string? rulesetPath = null)
    {
        var ruleset = rulesetPath ?? FindRuleset();
        var document = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, openApiJson);
        try
        {
            var (exitCode, output, error) = await RunAsync(Spectral(), ["lint", document, "--ruleset", ruleset, "--format", "json", "--quiet"]);
            var start = output.IndexOf('[');
            if (start < 0)
                throw new SpectralLintFailedException($"spectral gave no results (exit code {exitCode}): {output}{error}");
            using var json = JsonDocument.Parse(output[start..]);
            return json.RootElement.EnumerateArray().Select(result => new Finding(
                result.GetProperty("code").ToString(),
                result.GetProperty("severity").GetInt32() switch { 0 => "error", 1 => "warning", 2 => "info", _ => "hint" },
                result.GetProperty("message").GetString() ?? "",
                string.Join('.', result.GetProperty("path").EnumerateArray().Select(p => p.ToString())))).ToList();
        }
        finally
        {
            File.Delete(document);
        }
    }

    private static string Spectral() => Environment.GetEnvironmentVariable("SPECTRAL_PATH") is { Length: > 0 } path ? path : "spectral";

    private static string FindRuleset()
    {
        if (Environment.GetEnvironmentVariable("NLGOV_ADR_RULESET") is { Length: > 0 } configured)
            return File.Exists(configured) ? configured
                : throw new SpectralLintFailedException($"NLGOV_ADR_RULESET points to {configured}, which does not exist.");

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "IdoPlatform.sln"))) continue;
            foreach (var candidate in new[]
            {
                Path.Combine(dir.FullName, "shared", "standards", "nlgov-adr-ruleset.yaml"),
                Path.Combine(dir.FullName, "standards", "nlgov-adr-ruleset.yaml"),
                Path.Combine(dir.FullName, "..", "shared", "standards", "nlgov-adr-ruleset.yaml"),
            })
                if (File.Exists(candidate)) return Path.GetFullPath(candidate);
            break;
        }
        throw new SpectralLintFailedException(
            "The NL GOV ruleset nlgov-adr-ruleset.yaml was not found: set NLGOV_ADR_RULESET or put it in shared/standards/.");
    }

    private static async Task<(int ExitCode, string Output, string Error)> RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("no process");
        }
        catch (Win32Exception e)
        {
            throw new SpectralLintFailedException(
                $"spectral is not installed ({e.Message}). Install it with `npm install -g @stoplight/spectral-cli`, or set SPECTRAL_PATH.");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await output, await error);
        }
    }
}

public sealed class SpectralLintFailedException(string message) : Exception(message);
