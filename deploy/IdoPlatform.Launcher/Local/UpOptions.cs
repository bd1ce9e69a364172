namespace IdoPlatform.Launcher.Local;

/// <summary><c>./ido up [--port N] [--no-rate-limits] [--replicas N]</c>.</summary>
/// <param name="GatewayPort">Null: 5080, or a free port when 5080 is taken.</param>
/// <param name="RateLimits">False keeps the gateway's limiter but with limits nobody reaches (for the load benchmark).</param>
/// <param name="Replicas">Instances of each of the four services (1 to 4).</param>
public sealed record UpOptions(int? GatewayPort = null, bool RateLimits = true, int Replicas = 1)
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
                case "--replicas" when i + 1 < args.Count && int.TryParse(args[i + 1], out var replicas) && replicas is >= 1 and <= 4:
                    options = options with { Replicas = replicas };
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
