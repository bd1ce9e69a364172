using System.Text.Json;

namespace IdoPlatform.Launcher.Local;

/// <summary>The running <c>./ido up</c>, as its pid file and state file tell another terminal.</summary>
public sealed record RunningUp(int Pid, string? StartTime)
{
    public bool IsAlive => StartTime is not null && Posix.StartTime(Pid) == StartTime;

    public static RunningUp? Read(LocalFolders folders)
    {
        try
        {
            var parts = File.ReadAllText(folders.PidFile).Trim().Split(' ');
            return new RunningUp(int.Parse(parts[0]), parts.Length > 1 ? parts[1] : null);
        }
        catch (Exception exception) when (exception is IOException or FormatException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public static void WriteOurs(LocalFolders folders) =>
        File.WriteAllText(folders.PidFile, $"{Environment.ProcessId} {Posix.StartTime(Environment.ProcessId)}{Environment.NewLine}");

    public static void Forget(LocalFolders folders)
    {
        File.Delete(folders.StateFile);
        File.Delete(folders.PidFile);
    }
}

/// <summary>Where the parts of a running <c>./ido up</c> listen (<c>.data/ido-up.json</c>).</summary>
public sealed record UpState(
    DateTimeOffset StartedAt,
    Uri Gateway,
    IReadOnlyList<UpState.Part> Processes,
    int PostgresPort,
    int AmqpPort,
    int ManagementPort,
    string Logs)
{
    public sealed record Part(string Name, Uri Url, int? Pid);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public void Write(LocalFolders folders) => File.WriteAllText(folders.StateFile, JsonSerializer.Serialize(this, Json));

    public static UpState? Read(LocalFolders folders)
    {
        try
        {
            return JsonSerializer.Deserialize<UpState>(File.ReadAllText(folders.StateFile), Json);
        }
        catch (Exception exception) when (exception is IOException or JsonException)
        {
            return null;
        }
    }
}
