namespace IdoPlatform.Launcher;

/// <summary>A child process's output: the last lines in memory (for error messages) and, when a folder is
/// given, appended to a file. The file is bounded: past <see cref="MaxFileBytes"/> it moves to
/// <c>&lt;name&gt;.1</c> (replacing the one before) and a new one begins, so a service logging in a loop
/// cannot fill the disk.</summary>
public sealed class ProcessLog : IDisposable
{
    private const int KeptLines = 400;
    private readonly Queue<string> _lines = new();
    private readonly long _maxFileBytes;
    private readonly Lock _gate = new();
    private StreamWriter? _file;

    public const long MaxFileBytes = 10 * 1024 * 1024;

    public ProcessLog(string? path, long maxFileBytes = MaxFileBytes)
    {
        Path = path;
        _maxFileBytes = maxFileBytes;
        if (path is null)
            return;
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        _file = Open(path);
    }

    private static StreamWriter Open(string path) =>
        new(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };

    /// <summary>The log file, or null when only the last lines are kept.</summary>
    public string? Path { get; }

    public void Add(string line)
    {
        lock (_gate)
        {
            _lines.Enqueue(line);
            while (_lines.Count > KeptLines)
                _lines.Dequeue();
            if (_file is null)
                return;
            _file.WriteLine(line);
            if (_file.BaseStream.Position > _maxFileBytes)
            {
                _file.Dispose();
                File.Move(Path!, Path + ".1", overwrite: true);
                _file = Open(Path!);
            }
        }
    }

    public string Tail(int count = 40)
    {
        lock (_gate)
            return string.Join(Environment.NewLine, _lines.Skip(Math.Max(0, _lines.Count - count)));
    }

    public bool Contains(string text)
    {
        lock (_gate)
            return _lines.Any(line => line.Contains(text, StringComparison.OrdinalIgnoreCase));
    }

    public void Dispose()
    {
        lock (_gate)
            _file?.Dispose();
    }
}
