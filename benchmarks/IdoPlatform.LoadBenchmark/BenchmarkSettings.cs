using System.Globalization;

namespace IdoPlatform.LoadBenchmark;

/// <summary>Command-line settings: <c>--clients N --duration S --warmup S --gateway URL --desk USER --reader USER
/// --location ID --no-build --setting Key=Value</c>.</summary>
public sealed record BenchmarkSettings
{
    /// <summary>16 already keep both cores busy (more give no more registrations/s, only longer queues).</summary>
    public int Clients { get; init; } = 16;
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>Freshly started services spend the first half-minute or so (on two shared cores) compiling their hot
    /// code a second time, optimised: measured before that, the figures are the JIT's, not the platform's.</summary>
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A running platform's gateway (loopback only); null starts one here.</summary>
    public Uri? Gateway { get; init; }

    /// <summary>The demo desk account every client registers as.</summary>
    public string Desk { get; init; } = "balie-stad-en-ommeland";

    /// <summary>Reads monitoring: the desk's own library admin sees its locations unsuppressed.</summary>
    public string Reader { get; init; } = "beheer-stad-en-ommeland";

    /// <summary>Null takes the desk organisation's first IDO location from seeds/demo-libraries.json.</summary>
    public string? Location { get; init; }

    public bool Build { get; init; } = true;

    /// <summary>Extra configuration for every process of a platform started here (<c>--setting Key=Value</c>, keys
    /// as in appsettings; a name without ':' is passed as an environment variable, e.g. DOTNET_gcServer=0).</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    public static BenchmarkSettings Parse(string[] args)
    {
        var settings = new BenchmarkSettings();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            settings = args[i] switch
            {
                "--clients" => settings with { Clients = Positive(Value()) },
                "--duration" => settings with { Duration = TimeSpan.FromSeconds(Positive(Value())) },
                "--warmup" => settings with { Warmup = TimeSpan.FromSeconds(int.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--gateway" => settings with { Gateway = Loopback(Value()) },
                "--desk" => settings with { Desk = Value() },
                "--reader" => settings with { Reader = Value() },
                "--location" => settings with { Location = Value() },
                "--no-build" => settings with { Build = false },
                "--setting" => settings with { Settings = With(settings.Settings, Value()) },
                _ => throw new ArgumentException(
                    $"Unknown argument '{args[i]}'. Use: --clients N --duration S --warmup S --gateway URL --desk USER --reader USER --location ID --no-build --setting Key=Value"),
            };
        }
        return settings;
    }

    private static Dictionary<string, string> With(IReadOnlyDictionary<string, string> settings, string pair)
    {
        var parts = pair.Split('=', 2);
        if (parts is not [{ Length: > 0 } key, var value])
            throw new ArgumentException($"--setting wants Key=Value (got '{pair}').");
        return new Dictionary<string, string>(settings) { [key] = value };
    }

    private static int Positive(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"'{text}' is not a positive whole number.");

    /// <summary>The benchmark stays on this machine: it floods whatever it points at.</summary>
    private static Uri Loopback(string text)
    {
        var uri = new Uri(text.EndsWith('/') ? text : text + "/");
        return uri.IsLoopback ? uri : throw new ArgumentException($"--gateway must be a loopback address (got {uri.Host}).");
    }
}
