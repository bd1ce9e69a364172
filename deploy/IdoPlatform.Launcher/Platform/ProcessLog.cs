namespace IdoPlatform.Launcher;

/// <summary>A child process's output: the last lines in memory (for error messages) and, when a folder is
/// given, appended to a file. The file is bounded: past <see cref="MaxFileBytes"/> it moves to
/// <c>&lt;name&gt;.1</c> (replacing the one before) and a new one begins, so a service logging in a loop
/// cannot fill the disk.</summary>
public sealed class ProcessLog : IDisposable
{
    private const int KeptLines = 400;
    private readonly Queue<string> lines = new();
    private readonly long maxFileBytes;
    private readonly Lock gate = new();
    private StreamWriter? file;

    public const long MaxFileBytes = 10 * 1024 * 1024;

    public ProcessLog(string? path, long maxFileBytes = MaxFileBytes)
    {
        Path = path;
        this.maxFileBytes = maxFileBytes;
        if (path is null)
            return;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        file = Open(path);
    }

    private static StreamWriter Open(string path) =>
        new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };

    /// <summary>The log file, or null when only the last lines are kept.</summary>
    public string? Path { get; }

    public void Add(string line)
    {
        lock (gate)
        {
            lines.Enqueue(line);
            while (lines.Count > KeptLines)
                lines.Dequeue();
            if (file is null)
                return;
            file.WriteLine(line);
            if (file.BaseStream.Position > maxFileBytes)
            {
                file.Dispose();
                File.Move(Path!, Path + ".1", overwrite: true);
                file = Open(Path!);
            }
        }
    }

    public string Tail(int count = 40)
    {
        lock (gate)
            return string.Join(Environment.NewLine, lines.Skip(Math.Max(0, lines.Count - count)));
    }

    public bool Contains(string text)
    {
        lock (gate)
            return lines.Any(line => line.Contains(text, StringComparison.OrdinalIgnoreCase));
    }

    public void Dispose()
    {
        lock (gate)
            file?.Dispose();
    }
}
