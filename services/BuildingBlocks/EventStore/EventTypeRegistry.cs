using System.Text.Json;
using System.Text.Json.Nodes;

namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>
/// Stable names and versions for event types, never CLR names. Old versions are upcast step by
/// step (v1 → v2 → …) to the current CLR shape when read.
/// </summary>
public sealed class EventTypeRegistry
{
    private readonly Dictionary<Type, (string Alias, int Version)> _byType = new();
    private readonly Dictionary<string, (Type Type, int Version)> _byAlias = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Alias, int FromVersion), Func<JsonObject, JsonObject>> _upcasters = new();

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Registers <typeparamref name="T"/> as the current shape of <paramref name="alias"/>.</summary>
    public EventTypeRegistry Register<T>(string alias, int version = 1) => Register(typeof(T), alias, version);

    public EventTypeRegistry Register(Type type, string alias, int version = 1)
    {
        if (version < 1) throw new ArgumentOutOfRangeException(nameof(version));
        if (_byAlias.TryGetValue(alias, out var known) && known.Type != type)
            throw new InvalidOperationException($"Event alias '{alias}' is already registered for {known.Type.Name}.");
        _byType[type] = (alias, version);
        _byAlias[alias] = (type, version);
        return this;
    }

    /// <summary>Turns the JSON of <paramref name="alias"/> version <paramref name="fromVersion"/> into version fromVersion + 1.</summary>
    public EventTypeRegistry Upcast(string alias, int fromVersion, Func<JsonObject, JsonObject> upcaster)
    {
        _upcasters[(alias, fromVersion)] = upcaster;
        return this;
    }

    public (string Alias, int Version) NameOf(Type type) =>
        _byType.TryGetValue(type, out var name)
            ? name
            : throw new InvalidOperationException($"Event type {type.Name} is not registered; give it a stable alias.");

    public bool IsRegistered(Type type) => _byType.ContainsKey(type);

    public string Serialize(object data) => JsonSerializer.Serialize(data, data.GetType(), Json);

    /// <summary>Reads stored JSON as the current CLR shape, upcasting older versions first.</summary>
    public object Deserialize(string alias, int storedVersion, string json)
    {
        if (!_byAlias.TryGetValue(alias, out var current))
            throw new InvalidOperationException($"Unknown event alias '{alias}'.");
        if (storedVersion == current.Version)
            return JsonSerializer.Deserialize(json, current.Type, Json)!;

        var node = JsonNode.Parse(json)!.AsObject();
        for (var v = storedVersion; v < current.Version; v++)
        {
            if (!_upcasters.TryGetValue((alias, v), out var up))
                throw new InvalidOperationException($"No upcaster for '{alias}' from version {v}.");
            node = up(node);
        }
        return node.Deserialize(current.Type, Json)!;
    }
}
