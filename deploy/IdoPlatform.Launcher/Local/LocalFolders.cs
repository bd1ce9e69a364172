namespace IdoPlatform.Launcher.Local;

/// <summary>What <c>./ido up</c> keeps under <c>.data/</c> in the checkout (git-ignored): the servers' data,
/// the signing key (tokens stay valid across runs), the logs, and while it runs its pid and state.</summary>
public sealed class LocalFolders(string repositoryRoot)
{
    public string Root { get; } = Path.Combine(repositoryRoot, ".data");

    public string Postgres => Path.Combine(Root, "postgres");

    public string RabbitMq => Path.Combine(Root, "rabbitmq");

    public string Logs => Path.Combine(Root, "logs");

    public string SigningKeyFile => Path.Combine(Root, "signing-key");

    /// <summary>"pid start-time" of the running <c>./ido up</c>.</summary>
    public string PidFile => Path.Combine(Root, "ido.pid");

    /// <summary>Where everything listens, written once the platform is ready.</summary>
    public string StateFile => Path.Combine(Root, "ido-up.json");

    /// <summary>A file per process that <c>./ido restart</c> asks the running <c>./ido up</c> to restart.</summary>
    public string RestartRequests => Path.Combine(Root, "restart");

    public void Create()
    {
        Directory.CreateDirectory(Root);
        Directory.CreateDirectory(Logs);
    }

    /// <summary>The key from the previous run, or a new one kept for the next (readable by us only).</summary>
    public string SigningKey()
    {
        if (File.Exists(SigningKeyFile) && File.ReadAllText(SigningKeyFile).Trim() is { Length: > 0 } kept)
            return kept;
        var key = Platform.NewSigningKey();
        File.WriteAllText(SigningKeyFile, key + Environment.NewLine);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(SigningKeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return key;
    }
}
