using IdoPlatform.Launcher;

namespace IdoPlatform.Deploy.Tests;

/// <summary>./ido up's log files (.data/logs) stay bounded however much a service writes.</summary>
public sealed class ProcessLogTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ido-process-log-").FullName;

    [Fact]
    public void A_log_past_its_limit_moves_aside_once_and_starts_again_keeping_the_newest_lines()
    {
        var path = Path.Combine(_folder, "registrations.log");
        const int limit = 4_000;
        var line = new string('x', 90);

        using (var log = new ProcessLog(path, limit))
            for (var i = 0; i < 1_000; i++)
                log.Add($"{i:0000} {line}");

        Assert.Equal(["registrations.log", "registrations.log.1"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order());
        Assert.All(Directory.GetFiles(_folder), file => Assert.InRange(new FileInfo(file).Length, 1, limit + 100));
        Assert.StartsWith("0999 ", File.ReadLines(path).Last());
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
