using System.Diagnostics;
using IdoPlatform.LocalServers.RabbitMq;

namespace IdoPlatform.LocalServers;

/// <summary>
/// A RabbitMQ node of our own from the machine's binaries (RabbitMQ's own start script, not Debian's
/// wrapper that switches user): own node name, AMQP, management, distribution and epmd ports on loopback,
/// own data, log, config and plug-in files, so it neither sees nor disturbs a system broker or a parallel
/// run. The management plug-in is on: creating a virtual host is one HTTP call. It can be stopped and
/// started again on the same ports and data (a broker outage); disposing it, or this process ending,
/// removes it (see <see cref="InstanceDirectory"/>).
/// </summary>
public sealed class PrivateRabbitMq : IAsyncDisposable
{
    private const string User = "guest";
    private static readonly TimeSpan BootTimeout = TimeSpan.FromMinutes(3);

    private readonly InstanceDirectory _instance;
    private readonly string _script;
    private readonly Dictionary<string, string> _environment;
    private readonly bool _ownSession;
    private Process? _node;

    private PrivateRabbitMq(InstanceDirectory instance, string script, Dictionary<string, string> environment, int amqpPort, int managementPort,
        bool ownSession)
    {
        _instance = instance;
        _script = script;
        _environment = environment;
        _ownSession = ownSession;
        AmqpPort = amqpPort;
        ManagementPort = managementPort;
        AmqpUri = new Uri($"amqp://{User}:{User}@127.0.0.1:{amqpPort}/");
        Management = new ManagementApi(new Uri($"http://127.0.0.1:{managementPort}/"), User, User);
    }

    public int AmqpPort { get; }

    public int ManagementPort { get; }

    /// <summary>The default virtual host as user guest (allowed: we connect over loopback).</summary>
    public Uri AmqpUri { get; }

    public ManagementApi Management { get; }

    public string NodeName => _environment["RABBITMQ_NODENAME"];

    public TimeSpan StartedIn { get; private set; }

    public string Folder => _instance.Path;

    public static async Task<PrivateRabbitMq> LaunchAsync(PrivateRabbitMqOptions? options = null)
    {
        options ??= new PrivateRabbitMqOptions();
        var script = ServerBinaries.RabbitMqServerScript()
            ?? throw new FileNotFoundException(
                $"No RabbitMQ server (/usr/lib/rabbitmq/bin/rabbitmq-server). Install it: {ServerBinaries.InstallHint}");
        var portsAreOurs = options.AmqpPort == 0 && options.ManagementPort == 0;
        for (var attempt = 1; ; attempt++)
        {
            var broker = Prepare(script, options);
            try
            {
                await broker.StartAsync();
                return broker;
            }
            catch (BrokerExitedException) when (portsAreOurs && attempt < 3)
            {
                // Most likely another process took one of the free ports between our pick and the boot.
                await broker.DisposeAsync();
            }
            catch
            {
                await broker.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Boots the node (again, after <see cref="StopAsync"/>) and returns once it takes AMQP
    /// connections and its management API answers.</summary>
    public async Task StartAsync()
    {
        if (_node is { HasExited: false })
            return;
        var clock = Stopwatch.StartNew();
        // setsid (not a group leader here, so it does not fork) keeps our pid: the node process stays ours.
        var start = new ProcessStartInfo(_ownSession ? "setsid" : "sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (_ownSession)
            start.ArgumentList.Add("sh");
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"exec '{_script}' >> '{_instance.Path}/stdout.log' 2>&1 < /dev/null");
        foreach (var name in start.Environment.Keys.Where(IsInherited).ToList())
            start.Environment.Remove(name);
        foreach (var (name, value) in _environment)
            start.Environment[name] = value;
        _node = Process.Start(start) ?? throw new InvalidOperationException("Could not start RabbitMQ.");

        while (true)
        {
            if (_node.HasExited)
                throw new BrokerExitedException($"RabbitMQ node {NodeName} stopped while booting:{Environment.NewLine}{LogTail()}");
            if (clock.Elapsed > BootTimeout)
                throw new TimeoutException($"RabbitMQ node {NodeName} did not boot within {BootTimeout}:{Environment.NewLine}{LogTail()}");
            if (await FreePort.Accepts(AmqpPort) && await AmqpProbe.AcceptsConnectionAsync(AmqpUri) && await Management.AnswersAsync())
                break;
            await Task.Delay(200);
        }
        StartedIn = clock.Elapsed;
    }

    /// <summary>Takes the node down at once, like a crash or a pulled plug, keeping ports and data for
    /// <see cref="StartAsync()"/>: what the broker confirmed (durable queues, persistent messages) survives,
    /// clients see their connections drop. (An orderly stop would cost 6 s more: the management plug-in
    /// waits 5 s on the way down.)</summary>
    public async Task StopAsync()
    {
        if (_node is null || _node.HasExited)
            return;
        KillNode();
        await _node.WaitForExitAsync();
        while (await FreePort.Accepts(AmqpPort))
            await Task.Delay(100);
    }

    public ValueTask DisposeAsync()
    {
        _instance.Stop();
        _node?.Dispose();
        return ValueTask.CompletedTask;
    }

    private static PrivateRabbitMq Prepare(string script, PrivateRabbitMqOptions options)
    {
        var instance = InstanceDirectory.Create("rabbitmq");
        var folder = instance.Path;
        var data = options.DataDirectory ?? Path.Combine(folder, "data");
        var amqpPort = options.AmqpPort != 0 ? options.AmqpPort : FreePort.Next();
        var managementPort = options.ManagementPort != 0 ? options.ManagementPort : FreePort.Next();
        var epmdPort = FreePort.Next();
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = Path.Combine(folder, "home"), // the Erlang cookie lands here
            ["RABBITMQ_NODENAME"] = options.NodeName ?? $"ido-test-{Guid.NewGuid().ToString("N")[..10]}@localhost",
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = amqpPort.ToString(),
            ["RABBITMQ_DIST_PORT"] = FreePort.Next().ToString(),
            ["ERL_EPMD_PORT"] = epmdPort.ToString(), // a private epmd we can end, not the machine's shared one
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(folder, "rabbitmq-env.conf"), // not /etc/rabbitmq's
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(folder, "rabbitmq.conf"),
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(folder, "advanced.config"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(folder, "enabled_plugins"),
            ["RABBITMQ_PLUGINS_EXPAND_DIR"] = Path.Combine(folder, "plugins-expand"),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(data, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(folder, "log"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(folder, "rabbitmq.pid"),
        };
        foreach (var name in new[] { "HOME", "RABBITMQ_PLUGINS_EXPAND_DIR", "RABBITMQ_MNESIA_BASE", "RABBITMQ_LOG_BASE" })
            Directory.CreateDirectory(environment[name]);
        File.WriteAllText(environment["RABBITMQ_CONF_ENV_FILE"], "");
        File.WriteAllText(environment["RABBITMQ_ENABLED_PLUGINS_FILE"], "[rabbitmq_management].\n");
        File.WriteAllText(environment["RABBITMQ_CONFIG_FILE"], $"""
            management.tcp.ip = 127.0.0.1
            management.tcp.port = {managementPort}
            log.console = false
            log.file.level = info

            """);
        // The VM's command line names its HOME (-home DIR). Kept data deserves an orderly shutdown,
        // throw-away data not; the private epmd goes too once the node is gone.
        instance.ArmStopScript(
            environment["HOME"],
            options.DataDirectory is null ? "KILL" : "TERM",
            afterStop: $"ERL_EPMD_PORT={epmdPort} epmd -kill >/dev/null 2>&1");
        return new PrivateRabbitMq(instance, script, environment, amqpPort, managementPort, options.OwnSession);
    }

    private static bool IsInherited(string name) =>
        name.StartsWith("RABBITMQ_", StringComparison.Ordinal)
        || name.StartsWith("ERL_", StringComparison.Ordinal)
        || name == "NOTIFY_SOCKET"; // would make the script exec the VM without its signal handling

    private void KillNode()
    {
        var pidFile = Path.Combine(_instance.Path, "rabbitmq.pid");
        if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
            Native.Signal(pid, Native.SigKill);
        if (_node is { HasExited: false })
            Native.Signal(_node.Id, Native.SigKill);
    }

    private string LogTail()
    {
        var lines = new List<string>();
        foreach (var file in new[] { Path.Combine(_instance.Path, "stdout.log"), Path.Combine(_instance.Path, "log", NodeName + ".log") })
            if (File.Exists(file))
                lines.AddRange(File.ReadLines(file).TakeLast(40));
        return string.Join(Environment.NewLine, lines);
    }

    private sealed class BrokerExitedException(string message) : Exception(message);
}
