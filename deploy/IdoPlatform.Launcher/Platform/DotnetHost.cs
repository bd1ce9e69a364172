namespace IdoPlatform.Launcher;

/// <summary>The <c>dotnet</c> program that runs the services: the one the SDK names for child processes
/// (<c>DOTNET_HOST_PATH</c>, set under dotnet test/run), else the one running us, else the one on PATH.</summary>
public static class DotnetHost
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            return host;
        if (Environment.ProcessPath is { } self && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet")
            return self;
        return "dotnet";
    }
}
