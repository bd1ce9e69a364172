namespace IdoPlatform.Launcher.Local;

/// <summary><c>./ido up [--port N] [--no-rate-limits]</c>.</summary>
/// <param name="GatewayPort">Null: 5080, or a free port when 5080 is taken.</param>
/// <param name="RateLimits">False keeps the gateway's limiter but with limits nobody reaches (for the load benchmark).</param>
public sealed record UpOptions(int? GatewayPort = null, bool RateLimits = true)
{
    public static bool TryParse(IReadOnlyList<string> args, out UpOptions options)
    {
        options = new UpOptions();
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--port" when i + 1 < args.Count && int.TryParse(args[i + 1], out var port) && port is > 0 and < 65536:
                    options = options with { GatewayPort = port };
                    i++;
                    break;
                case "--no-rate-limits":
                    options = options with { RateLimits = false };
                    break;
                default:
                    return false;
            }
        }
        return true;
    }
}
