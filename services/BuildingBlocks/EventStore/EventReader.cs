using Npgsql;

namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>Reads event rows into <see cref="StoredEvent"/>s, upcasting old versions on the way.</summary>
internal static class EventReader
{
    public const string Columns =
        "seq, tx_id, stream_id, stream_type, version, type, type_version, data::text, event_id, created_at, " +
        "actor, correlation_id, causation_id";

    public static async Task<List<StoredEvent>> ReadAll(NpgsqlDataReader reader, EventTypeRegistry types,
        CancellationToken ct)
    {
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(ct))
        {
            var alias = reader.GetString(5);
            var typeVersion = reader.GetInt32(6);
            events.Add(new StoredEvent(
                Sequence: reader.GetInt64(0),
                TransactionId: reader.GetFieldValue<ulong>(1),
                StreamId: reader.GetGuid(2),
                StreamType: reader.GetString(3),
                StreamVersion: reader.GetInt64(4),
                TypeAlias: alias,
                TypeVersion: typeVersion,
                Data: types.Deserialize(alias, typeVersion, reader.GetString(7)),
                Metadata: new EventMetadata(
                    reader.GetGuid(8),
                    reader.GetFieldValue<DateTimeOffset>(9),
                    reader.IsDBNull(10) ? null : reader.GetString(10),
                    reader.IsDBNull(11) ? null : reader.GetString(11),
                    reader.IsDBNull(12) ? null : reader.GetString(12))));
        }
        return events;
    }
}
