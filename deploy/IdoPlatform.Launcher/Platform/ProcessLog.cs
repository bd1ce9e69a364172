namespace IdoPlatform.Launcher;

/// <summary>A child process's output: the last lines in memory (for error messages) and, when a folder is
/// given, everything appended to a file.</summary>
public sealed class ProcessLog : IDisposable
{
    private const int KeptLines = 400;
    private readonly Queue<string> lines = new();
    private readonly StreamWriter? file;
    private readonly Lock gate = new();

    public ProcessLog(string? path)
    {
        Path = path;
        if (path is null)
            return;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        file = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
    }

    /// <summary>The log file, or null when only the last lines are kept.</summary>
    public string? Path { get; }

    public void Add(string line)
    {
        lock (gate)
        {
            lines.Enqueue(line);
            while (lines.Count > KeptLines)
                lines.Dequeue();
            file?.WriteLine(line);
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
