using System.Text.Json;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Registrations.Features.Visits;
using Npgsql;
using NpgsqlTypes;

namespace IdoPlatform.Registrations.Storage;

/// <summary>The visit_list read model, written in the append's own transaction: a visit is listed the
/// moment its registration commits, and never without it.</summary>
public sealed class VisitListProjection(RegistrationsSchema schema) : IInlineProjection
{
    public static readonly JsonSerializerOptions Json = EventTypeRegistry.Json;

    public async Task Apply(IReadOnlyList<StoredEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken ct)
    {
        await schema.EnsureCreated();
        foreach (var stored in events)
        {
            await using var command = stored.Data switch
            {
                VisitWasRegistered e => Command(connection, transaction, """
                    INSERT INTO visit_list (visit_id, organisation_id, location_id, occurred_at, status, version,
                                            registered_at, changed_at, place, details)
                    VALUES (@id, @org, @location, @occurred_at, 'registered', @version, @at, @at, @place, @details)
                    """, e.VisitId, stored.StreamVersion, e.RegisteredAt, e.Place, e.Details),
                VisitWasCorrected e => Command(connection, transaction, """
                    UPDATE visit_list SET organisation_id = @org, location_id = @location, occurred_at = @occurred_at,
                        version = @version, changed_at = @at, place = @place, details = @details
                    WHERE visit_id = @id
                    """, e.VisitId, stored.StreamVersion, e.CorrectedAt, e.Place, e.Details),
                VisitWasVoided e => Command(connection, transaction, """
                    UPDATE visit_list SET status = 'voided', void_reason = @reason, version = @version, changed_at = @at
                    WHERE visit_id = @id
                    """, e.VisitId, stored.StreamVersion, e.VoidedAt, e.Place, e.Details, e.Reason),
                _ => null,
            };
            if (command is not null) await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql,
        Guid visitId, long version, DateTimeOffset at, VisitPlace place, VisitDetails details, string? reason = null)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        var p = command.Parameters;
        p.AddWithValue("id", visitId);
        p.AddWithValue("version", version);
        p.AddWithValue("at", at.ToUniversalTime());
        p.AddWithValue("org", place.OrganisationId);
        p.AddWithValue("location", place.LocationId);
        p.AddWithValue("occurred_at", details.OccurredAt.ToUniversalTime());
        p.Add(new NpgsqlParameter("place", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(place, Json) });
        p.Add(new NpgsqlParameter("details", NpgsqlDbType.Jsonb) { Value = JsonSerializer.Serialize(details, Json) });
        p.Add(new NpgsqlParameter("reason", NpgsqlDbType.Text) { Value = (object?)reason ?? DBNull.Value });
        return command;
    }
}
