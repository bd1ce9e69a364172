namespace IdoPlatform.Gateway.Benchmarks;

/// <summary>Command-line settings. Without <c>--stand-in</c> or <c>--direct</c> the platform is started here and
/// its offer search measured.
/// <list type="bullet">
/// <item><c>--stand-in</c>: an in-process stand-in service instead (the gateway's overhead floor).</item>
/// <item><c>--no-build</c>: use the services' existing Release build.</item>
/// <item><c>--requests N --concurrency C --warmup W --rounds R</c>: the load (bounded).</item>
/// <item><c>--backend-work-us U --backend-delay-ms D</c>: what the in-process stand-in service costs per
/// request: CPU it burns and I/O time it waits (a database read).</item>
/// <item><c>--direct URL --gateway URL [--token JWT]</c>: measure a running platform instead
/// (e.g. <c>./ido up</c>): the same GET straight to a service and through the gateway.</item>
/// </list></summary>
internal sealed record BenchmarkSettings(
    int Requests, int Concurrency, int Warmup, int Rounds,
    int? BackendWorkUs, int? BackendDelayMs,
    Uri? DirectUrl, Uri? GatewayUrl, string? Token, bool StandIn = false, bool Build = true)
{
    private static readonly string[] Flags = ["--stand-in", "--no-build"];
    private static readonly string[] Numbers = ["--requests", "--concurrency", "--warmup", "--rounds", "--backend-work-us", "--backend-delay-ms"];
    private static readonly string[] Texts = ["--direct", "--gateway", "--token"];

    public bool AgainstRunningPlatform => DirectUrl is not null;

    public static BenchmarkSettings Parse(string[] args)
    {
        var numbers = new Dictionary<string, int>();
        var texts = new Dictionary<string, string>();
        var flags = args.Where(Flags.Contains).ToHashSet();
        args = args.Where(a => !Flags.Contains(a)).ToArray();
        for (var i = 0; i < args.Length; i += 2)
        {
            var name = args[i];
            var value = i + 1 < args.Length ? args[i + 1] : null;
            if (Numbers.Contains(name) && int.TryParse(value, out var number) && number >= 0)
                numbers[name] = number;
            else if (Texts.Contains(name) && value is not null)
                texts[name] = value;
            else
                throw new ArgumentException($"Unknown or bad argument '{name}'. Known: {string.Join(", ", Numbers.Concat(Texts).Concat(Flags))}.");
        }
        if (texts.ContainsKey("--direct") != texts.ContainsKey("--gateway"))
            throw new ArgumentException("Give both --direct and --gateway, or neither.");

        return new BenchmarkSettings(
            Requests: Math.Max(1, numbers.GetValueOrDefault("--requests", 10_000)),
            Concurrency: Math.Max(1, numbers.GetValueOrDefault("--concurrency", 32)),
            Warmup: numbers.GetValueOrDefault("--warmup", 20_000),
            Rounds: Math.Max(1, numbers.GetValueOrDefault("--rounds", 5)),
            BackendWorkUs: numbers.TryGetValue("--backend-work-us", out var work) ? work : null,
            BackendDelayMs: numbers.TryGetValue("--backend-delay-ms", out var delay) ? delay : null,
            DirectUrl: texts.TryGetValue("--direct", out var direct) ? new Uri(direct) : null,
            GatewayUrl: texts.TryGetValue("--gateway", out var gateway) ? new Uri(gateway) : null,
            Token: texts.GetValueOrDefault("--token"),
            StandIn: flags.Contains("--stand-in") || numbers.ContainsKey("--backend-work-us") || numbers.ContainsKey("--backend-delay-ms"),
            Build: !flags.Contains("--no-build"));
    }
}
