using System.Text.Json;

namespace IdoPlatform.Offers.Common;

/// <summary>
/// Records holding lists compare those lists by reference; facts are the same when they serialize the
/// same, which is also exactly what an event would store.
/// </summary>
public static class ValueEquality
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static bool Same<T>(T a, T b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options);
}
