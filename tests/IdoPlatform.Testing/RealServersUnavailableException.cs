namespace IdoPlatform.Testing;

/// <summary>No way to get a real server here: no override, no Docker engine, no server binaries.</summary>
public sealed class RealServersUnavailableException(string message) : Exception(message)
{
    /// <param name="overrideVariable">The variable that could name a server instead, or null where none
    /// may (a broker the test stops is never one named by the environment).</param>
    internal static RealServersUnavailableException For(string server, string? overrideVariable, string dockerEndpoint, string missing)
    {
        var situation = overrideVariable is null
            ? "it must be one of the test's own (never a server named by the environment)"
            : $"{overrideVariable} is not set";
        var alternatives = overrideVariable is null
            ? "or start a Docker engine."
            : $"or start a Docker engine, or set {overrideVariable} to a server of your own.";
        return new($"""
            No {server} for the tests: {situation}, no Docker engine answered at {dockerEndpoint}, and {missing}.
            Install the servers (as root): {LocalServers.ServerBinaries.InstallHint}
            {alternatives}
            """);
    }
}
