using System.Diagnostics;

namespace IdoPlatform.Launcher;

/// <summary>
/// One process of the platform: <c>dotnet &lt;dll&gt; --urls http://127.0.0.1:&lt;port&gt;</c>, configured through its
/// environment, in a session of its own (a Ctrl-C at the terminal reaches the launcher, which stops it in
/// order). It keeps its port across a stop and a start, so the gateway finds it again. A replicated service
/// has one of these per instance.
/// </summary>
public sealed class ServiceProcess : IDisposable
{
    private static readonly string[] InheritedSettingsToDrop =
    [
        "ASPNETCORE_URLS", "URLS", "ASPNETCORE_HTTP_PORTS", "HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "HTTPS_PORTS",
        "ASPNETCORE_ENVIRONMENT", "DOTNET_ENVIRONMENT",
    ];

    private readonly string _assembly;
    private readonly string _marker;
    private readonly Func<ServiceProcess, IReadOnlyDictionary<string, string>> _environment;
    private Process? _process;
    private volatile bool _stopRequested;

    internal ServiceProcess(ServiceDefinition definition, int instance, string name, string assembly, int port, bool portIsFixed,
        string marker, ProcessLog log, Func<ServiceProcess, IReadOnlyDictionary<string, string>> environment)
    {
        Definition = definition;
        Instance = instance;
        Name = name;
        _assembly = assembly;
        Port = port;
        PortIsFixed = portIsFixed;
        _marker = marker;
        Log = log;
        _environment = environment;
    }

    public ServiceDefinition Definition { get; }

    public PlatformService Service => Definition.Service;

    /// <summary>The service's name, with the instance number when it runs replicas (<c>registrations-2</c>): the
    /// log file's name and what <c>./ido status</c> and <c>./ido restart</c> call it.</summary>
    public string Name { get; }

    /// <summary>1 for the first instance of a service, 2 for the second replica, ….</summary>
    public int Instance { get; }

    /// <summary>Its destination in the gateway's cluster: <c>primary</c> (the name appsettings.json uses), then
    /// <c>replica-2</c>, ….</summary>
    public string DestinationId => Instance == 1 ? "primary" : $"replica-{Instance}";

    public int Port { get; private set; }

    internal bool PortIsFixed { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public ProcessLog Log { get; }

    public bool IsRunning => _process is { HasExited: false };

    public int? ProcessId => IsRunning ? _process!.Id : null;

    /// <summary>Raised when the process ends without having been asked to (exit code given).</summary>
    public event Action<ServiceProcess, int>? ExitedUnexpectedly;

    internal void Start()
    {
        if (IsRunning)
            return;
        _process?.Dispose();
        _stopRequested = false;
        var dotnet = DotnetHost.Path;
        // setsid is not a group leader's child here, so it does not fork: the pid we hold is the service's.
        var useSetsid = File.Exists("/usr/bin/setsid");
        var start = new ProcessStartInfo(useSetsid ? "/usr/bin/setsid" : dotnet)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(_assembly)!, // the content root: appsettings.json is there
        };
        if (useSetsid)
            start.ArgumentList.Add(dotnet);
        foreach (var argument in new[] { _assembly, "--urls", $"http://127.0.0.1:{Port}", $"--ido-platform-instance={_marker}" })
            start.ArgumentList.Add(argument);
        foreach (var name in InheritedSettingsToDrop)
            start.Environment.Remove(name);
        foreach (var (name, value) in _environment(this))
            start.Environment[name] = value;

        var started = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Name}.");
        _process = started;
        started.StandardInput.Close();
        started.OutputDataReceived += (_, line) => { if (line.Data is not null) Log.Add(line.Data); };
        started.ErrorDataReceived += (_, line) => { if (line.Data is not null) Log.Add(line.Data); };
        started.EnableRaisingEvents = true;
        started.Exited += (_, _) =>
        {
            // A late event of a process already replaced by a restart is not news.
            if (!_stopRequested && ReferenceEquals(_process, started))
                ExitedUnexpectedly?.Invoke(this, SafeExitCode(started));
        };
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        Log.Add($"[launcher] {DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss} started {Name} (pid {started.Id}) on {Url}");
    }

    /// <summary>Another free port, after the first was taken between our pick and the bind.</summary>
    internal void MoveToAnotherPort() => Port = LocalServers.FreePort.Next();

    /// <summary>Waits until <c>/health/ready</c> satisfies <paramref name="isReady"/>; fails with the log's last
    /// lines when the process ends or the deadline passes.</summary>
    internal async Task WaitUntilReadyAsync(HttpClient http, Func<HttpResponseMessage, string, bool> isReady,
        DateTimeOffset deadline, CancellationToken ct)
    {
        var lastAnswer = "no answer yet";
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (_process is not { } running)
                throw new InvalidOperationException($"{Name} was not started.");
            if (running.HasExited)
            {
                running.WaitForExit(); // let the output readers finish
                throw new ServiceStartException(this,
                    $"{Name} stopped during start-up (exit code {SafeExitCode(running)})", PortWasTaken());
            }
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
                timeout.CancelAfter(TimeSpan.FromSeconds(5));
                using var response = await http.GetAsync(new Uri(Url, "health/ready"), timeout.Token);
                var body = await response.Content.ReadAsStringAsync(timeout.Token);
                if (isReady(response, body))
                    return;
                lastAnswer = $"{(int)response.StatusCode} {Shorten(body)}";
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
            {
                lastAnswer = exception.Message;
            }
            if (DateTimeOffset.UtcNow > deadline)
                throw new ServiceStartException(this,
                    $"{Name} was not ready within the start-up time (last answer of {Url}health/ready: {lastAnswer})", portWasTaken: false);
            await Task.Delay(250, ct);
        }
    }

    /// <summary>Asks the process to stop (SIGTERM: ASP.NET shuts down in order) and kills its tree when it
    /// takes longer than <paramref name="grace"/>; a zero grace kills it at once (SIGKILL, as a crash).</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        _stopRequested = true;
        if (_process is not { } running || running.HasExited)
            return;
        if (grace > TimeSpan.Zero)
        {
            Posix.Signal(running.Id, Posix.SigTerm);
            using var wait = new CancellationTokenSource(grace);
            try
            {
                await running.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                Log.Add($"[launcher] {Name} did not stop within {grace.TotalSeconds:0} s: killed");
            }
        }
        else
        {
            // kill -9 of the process itself (its own session, no children): no shutdown of any kind.
            Log.Add($"[launcher] {DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss} killing {Name} (SIGKILL)");
            Posix.Signal(running.Id, 9);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await running.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                // Killed with its tree below.
            }
        }
        if (!running.HasExited)
            running.Kill(entireProcessTree: true);
        await running.WaitForExitAsync();
        Log.Add($"[launcher] {DateTimeOffset.Now:yyyy-MM-dd HH:mm:ss} {Name} stopped (exit code {SafeExitCode(running)})");
    }

    private bool PortWasTaken() => Log.Contains("address already in use");

    private static int SafeExitCode(Process process)
    {
        try
        {
            return process.ExitCode;
        }
        catch (InvalidOperationException)
        {
            return -1;
        }
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    public void Dispose()
    {
        if (_process is { HasExited: false })
            _process.Kill(entireProcessTree: true);
        _process?.Dispose();
        Log.Dispose();
    }
}

/// <summary>A process did not come up; the message carries the last lines of its output.</summary>
public sealed class ServiceStartException(ServiceProcess process, string reason, bool portWasTaken)
    : Exception($"{reason}.{Environment.NewLine}" +
                $"Last lines of its output{(process.Log.Path is { } path ? $" (all of it in {path})" : "")}:{Environment.NewLine}" +
                process.Log.Tail())
{
    public PlatformService Service { get; } = process.Service;

    internal bool PortWasTaken { get; } = portWasTaken;
}
