using System.Text.Json;
using IdoPlatform.BuildingBlocks.EventStore;

namespace IdoPlatform.Offers.Storage;

/// <summary>Documents in read-model rows are stored the way events are, so they read back the same.</summary>
public static class ReadModelJson
{
    public static JsonSerializerOptions Options => EventTypeRegistry.Json;

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
                                            ?? throw new InvalidDataException($"Empty {typeof(T).Name} document.");
}
