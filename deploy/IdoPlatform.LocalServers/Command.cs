using System.Diagnostics;

namespace IdoPlatform.LocalServers;

/// <summary>Runs a program to completion and hands back its output; fails loudly with that output.</summary>
internal static class Command
{
    public sealed record Result(int ExitCode, string Output);

    public static async Task<Result> Run(
        string program,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
            start.Environment[name] = value;

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Describe(program, start.ArgumentList)} did not finish within {timeout}.");
        }
        return new Result(process.ExitCode, (await output + await error).Trim());
    }

    public static async Task<string> RunOrThrow(
        string program,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var list = arguments.ToList();
        var result = await Run(program, list, environment, timeout);
        if (result.ExitCode != 0)
            throw new InvalidOperationException(
                $"{Describe(program, list)} exited with {result.ExitCode}:{Environment.NewLine}{result.Output}");
        return result.Output;
    }

    /// <summary>Starts a shell script fully detached from us (own session, parent init, stdio on /dev/null),
    /// so it outlives this process and no test runner waits on its pipes or kills it with our tree.</summary>
    public static void StartDetached(string script)
    {
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--fork", "sh", "-c", "exec </dev/null >/dev/null 2>&1\n" + script })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start setsid.");
        process.WaitForExit();
    }

    private static string Describe(string program, IEnumerable<string> arguments) =>
        $"`{program} {string.Join(' ', arguments)}`";
}
