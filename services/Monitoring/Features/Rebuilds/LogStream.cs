using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Monitoring.EventLog;
using Npgsql;

namespace IdoPlatform.Monitoring.Features.Rebuilds;

/// <summary>A run of messages from the log in global order, and the position after the last of them.</summary>
internal sealed record LogBatch(object[] Messages, long Last);

/// <summary>
/// Reads the whole commit-safe log (up to the daemon's high-water mark: <see cref="EventLogReader"/>) in one streaming
/// query, and hands it on in batches, so PostgreSQL's output and this process's JSON parsing and folding overlap.
/// </summary>
internal sealed class LogStream(EventTypeRegistry types)
{
    private const int BatchSize = 2048;

    private readonly Dictionary<string, (int Version, JsonTypeInfo Info)> _compiled = Compile(types);

    /// <summary>
    /// Reads rows on this task and parses each batch on the thread pool: the channel holds the batches'
    /// tasks in log order, so parsing runs in parallel while the reader of the channel still folds in order.
    /// </summary>
    public async Task Produce(NpgsqlConnection connection, long after, ChannelWriter<Task<LogBatch>> writer, CancellationToken ct)
    {
        try
        {
            var ceiling = await EventLogReader.SafeCeiling(connection, null, ct);
            await using var command = EventLogReader.ReadCommand(connection, null, after, ceiling, types);
            await using var reader = await command.ExecuteReaderAsync(ct);

            var raw = new RawBatch(BatchSize);
            while (await reader.ReadAsync(ct))
            {
                raw.Last = reader.GetInt64(0);
                var (alias, version) = EventTypeRegistry.ParseStoredName(reader.GetString(1));
                await using (var data = reader.GetStream(2)) // after the other columns: reading one closes the stream
                    raw.Add(alias, version, data);
                if (raw.Count == BatchSize)
                {
                    var full = raw;
                    await writer.WriteAsync(Task.Run(() => Parse(full), ct), ct);
                    raw = new RawBatch(BatchSize);
                }
            }
            if (raw.Count > 0)
            {
                var rest = raw;
                await writer.WriteAsync(Task.Run(() => Parse(rest), ct), ct);
            }
            writer.Complete();
        }
        catch (Exception e)
        {
            writer.Complete(e);
        }
    }

    private LogBatch Parse(RawBatch raw)
    {
        var messages = new object[raw.Count];
        for (var i = 0; i < raw.Count; i++)
            messages[i] = Deserialize(raw.Aliases[i], raw.Versions[i], raw.Json(i));
        return new LogBatch(messages, raw.Last);
    }

    /// <summary>A batch of rows as read: type names, versions, and the JSON bytes back to back in one buffer.</summary>
    private sealed class RawBatch(int capacity)
    {
        private byte[] _bytes = new byte[capacity * 1024];
        private readonly List<(int Start, int Length)> _spans = new(capacity);

        public List<string> Aliases { get; } = new(capacity);
        public List<int> Versions { get; } = new(capacity);
        public long Last { get; set; }
        public int Count => _spans.Count;

        public void Add(string alias, int version, Stream json)
        {
            var start = _spans.Count == 0 ? 0 : _spans[^1].Start + _spans[^1].Length;
            var length = (int)json.Length;
            if (start + length > _bytes.Length) Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, start + length));
            json.ReadExactly(_bytes, start, length);
            _spans.Add((start, length));
            Aliases.Add(alias);
            Versions.Add(version);
        }

        public ReadOnlySpan<byte> Json(int index) => _bytes.AsSpan(_spans[index].Start, _spans[index].Length);
    }

    private object Deserialize(string alias, int version, ReadOnlySpan<byte> json)
    {
        if (!_compiled.TryGetValue(alias, out var compiled) || compiled.Version != version)
            return types.Read(EventTypeRegistry.StoredName(alias, version), Encoding.UTF8.GetString(json)); // older shape: upcast
        return VisitMessageParser.TryParse(alias, json) ?? JsonSerializer.Deserialize(json, compiled.Info)!;
    }

    private static Dictionary<string, (int, JsonTypeInfo)> Compile(EventTypeRegistry types)
    {
        var compiled = new Dictionary<string, (int, JsonTypeInfo)>(StringComparer.Ordinal);
        foreach (var info in new JsonTypeInfo[]
                 {
                     MonitoredJson.Default.VisitRegistered, MonitoredJson.Default.VisitCorrected, MonitoredJson.Default.VisitVoided,
                     MonitoredJson.Default.ReferralIssued, MonitoredJson.Default.ReferralArrived, MonitoredJson.Default.ReferralArrivalReversed,
                     MonitoredJson.Default.ReferralExpired, MonitoredJson.Default.ReferralCancelled,
                     MonitoredJson.Default.LocationRegistered, MonitoredJson.Default.LocationChanged,
                     MonitoredJson.Default.LocationClosed,
                 })
            if (types.IsRegistered(info.Type))
            {
                var (alias, version) = types.NameOf(info.Type);
                compiled[alias] = (version, info);
            }
        return compiled;
    }
}
