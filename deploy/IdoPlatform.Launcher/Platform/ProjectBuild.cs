using System.Diagnostics;
using System.Xml.Linq;

namespace IdoPlatform.Launcher;

/// <summary>Builds the services and the gateway and finds their output. One <c>dotnet build</c> of a
/// throw-away solution file listing the five projects: the shared projects are evaluated once and the
/// rest builds in parallel (the repository's own solution also holds every test project).</summary>
public static class ProjectBuild
{
    /// <summary>The built assembly of <paramref name="definition"/>, or null when it has not been built.</summary>
    public static string? OutputOf(string root, ServiceDefinition definition, string configuration)
    {
        var bin = Path.Combine(root, Path.GetDirectoryName(definition.Project)!, "bin", configuration);
        if (!Directory.Exists(bin))
            return null;
        return Directory.GetDirectories(bin)
            .Select(folder => Path.Combine(folder, definition.AssemblyName + ".dll"))
            .Where(File.Exists)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault();
    }

    public static async Task BuildAsync(string root, IReadOnlyCollection<ServiceDefinition> definitions, string configuration,
        Action<string>? progress, CancellationToken ct)
    {
        progress?.Invoke($"building {string.Join(", ", definitions.Select(d => d.Name))} ({configuration})");
        var clock = Stopwatch.StartNew();
        var solution = Path.Combine(Path.GetTempPath(), $"ido-platform-build-{Guid.NewGuid():N}.slnx");
        new XDocument(new XElement("Solution", definitions.Select(d =>
            new XElement("Project", new XAttribute("Path", Path.Combine(root, d.Project)))))).Save(solution);
        try
        {
            // A solution build gives projects it does not list (the shared BuildingBlocks and Contracts) their default
            // configuration, Debug, unless told otherwise: the Release services then ran unoptimised shared code.
            var (exitCode, output) = await RunAsync(root, ["build", solution, "-c", configuration, "-nologo", "-v:q", "-clp:NoSummary",
                "-p:ShouldUnsetParentConfigurationAndPlatform=false"], ct);
            if (exitCode != 0)
                throw new InvalidOperationException(
                    $"Building {string.Join(", ", definitions.Select(d => d.Project))} ({configuration}) failed (exit code {exitCode}):" +
                    $"{Environment.NewLine}{output}");
        }
        finally
        {
            File.Delete(solution);
        }
        progress?.Invoke($"built in {clock.Elapsed.TotalSeconds:0} s");
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string root, IEnumerable<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(DotnetHost.Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = root,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet build.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, (await output + await error).Trim());
    }
}
