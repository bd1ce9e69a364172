using System.Text.Json;
using System.Text.Json.Nodes;
using Marten;
using StjTransformations = Marten.Services.Json.Transformations.SystemTextJson.JsonTransformations;

namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>
/// Stable names and versions for event types, never CLR names: Marten stores version 1 as the alias
/// (<c>visit-registered</c>) and later versions as <c>alias.vN</c>. Old versions are lifted step by step
/// (v1 → v2 → …) to the current CLR shape when Marten reads them (its upcasting).
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

    /// <summary>Marten's stored name for version <paramref name="version"/> of <paramref name="alias"/>.</summary>
    public static string StoredName(string alias, int version) => version == 1 ? alias : $"{alias}.v{version}";

    /// <summary>Every registered type and its aliases, for the guard that nothing is stored under a CLR name.</summary>
    public IEnumerable<(Type Type, string StoredName)> Mapped =>
        _byType.Select(t => (t.Key, StoredName(t.Value.Alias, t.Value.Version)));

    /// <summary>Maps every type to its stored name in Marten and registers an upcaster for each older version.</summary>
    public void ApplyTo(StoreOptions options)
    {
        foreach (var (type, (alias, version)) in _byType)
        {
            options.Events.MapEventType(type, StoredName(alias, version));
            for (var old = 1; old < version; old++)
            {
                var from = old;
                options.Events.Upcast(type, StoredName(alias, from),
                    StjTransformations.Upcast(document => Lift(alias, from, document)));
            }
        }
    }

    /// <summary>Reads an event's stored JSON under its stored name (<c>alias</c> or <c>alias.vN</c>) as the current
    /// CLR shape, lifting older versions. For readers of the raw log (<see cref="EventLogReader"/>).</summary>
    public object Read(string storedName, string json)
    {
        var (alias, version) = ParseStoredName(storedName);
        if (!_byAlias.TryGetValue(alias, out var current)) throw new InvalidOperationException($"Unknown event type '{storedName}'.");
        if (version == current.Version) return JsonSerializer.Deserialize(json, current.Type, Json)!;
        using var document = JsonDocument.Parse(json);
        return Lift(alias, version, document);
    }

    public static (string Alias, int Version) ParseStoredName(string storedName)
    {
        var dot = storedName.LastIndexOf(".v", StringComparison.Ordinal);
        return dot > 0 && int.TryParse(storedName.AsSpan(dot + 2), out var v) ? (storedName[..dot], v) : (storedName, 1);
    }

    /// <summary>Every stored name this registry can read (current and older versions).</summary>
    public IReadOnlyList<string> StoredNames =>
        _byAlias.SelectMany(a => Enumerable.Range(1, a.Value.Version).Select(v => StoredName(a.Key, v))).ToList();

    /// <summary>Reads stored JSON of an older version as the current CLR shape.</summary>
    public object Lift(string alias, int storedVersion, JsonDocument json)
    {
        var current = _byAlias[alias];
        var node = JsonNode.Parse(json.RootElement.GetRawText())!.AsObject();
        for (var v = storedVersion; v < current.Version; v++)
        {
            if (!_upcasters.TryGetValue((alias, v), out var up))
                throw new InvalidOperationException($"No upcaster for '{alias}' from version {v}.");
            node = up(node);
        }
        return node.Deserialize(current.Type, Json)!;
    }
}
