using System.Collections.Concurrent;

namespace IdoPlatform.Monitoring.Storage;

/// <summary>
/// One string instance per code (province, topic, location id...): a rebuild holds a million visits in
/// memory, each naming a dozen codes that a few thousand distinct strings cover. Capped, so odd input
/// cannot grow it without bound; past the cap a string is simply kept as it came.
/// </summary>
public static class SharedCodes
{
    private const int Cap = 100_000;
    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);

    public static string Share(string code)
    {
        if (Pool.TryGetValue(code, out var shared)) return shared;
        return Pool.Count < Cap ? Pool.GetOrAdd(code, code) : code;
    }
}
