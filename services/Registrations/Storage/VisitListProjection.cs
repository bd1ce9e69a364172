using System.Text.Json;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Registrations.Features.Visits;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;

namespace IdoPlatform.Registrations.Storage;

/// <summary>The visit_list read model, written in the append's own transaction: a visit is listed the
/// moment its registration commits, and never without it. Its statements join the append's batch
/// (Marten's queued SQL), so listing a visit costs no extra round trip.</summary>
public sealed class VisitListProjection : IProjection
{
    public static readonly JsonSerializerOptions Json = EventTypeRegistry.Json;

    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case VisitRegistered r:
                    operations.QueueSqlCommand("""
                        INSERT INTO visit_list (visit_id, organisation_id, location_id, occurred_at, status, version,
                                                registered_at, changed_at, place, details)
                        VALUES (?, ?, ?, ?, 'registered', ?, ?, ?, ?::jsonb, ?::jsonb)
                        """, r.VisitId, r.Place.OrganisationId, r.Place.LocationId, Utc(r.Details.OccurredAt), e.Version,
                        Utc(r.RegisteredAt), Utc(r.RegisteredAt), Serialize(r.Place), Serialize(r.Details));
                    break;
                case VisitCorrected c:
                    operations.QueueSqlCommand("""
                        UPDATE visit_list SET organisation_id = ?, location_id = ?, occurred_at = ?, version = ?,
                            changed_at = ?, place = ?::jsonb, details = ?::jsonb
                        WHERE visit_id = ?
                        """, c.Place.OrganisationId, c.Place.LocationId, Utc(c.Details.OccurredAt), e.Version,
                        Utc(c.CorrectedAt), Serialize(c.Place), Serialize(c.Details), c.VisitId);
                    break;
                case VisitNoteErased n:
                    operations.QueueSqlCommand("""
                        UPDATE visit_list SET details = jsonb_set(details, '{note}', to_jsonb(?::text)), version = ?, changed_at = ?
                        WHERE visit_id = ? AND details->>'note' IS NOT NULL
                        """, Features.EraseNote.EraseNote.Erased, e.Version, Utc(n.ErasedAt), n.VisitId);
                    break;
                case VisitVoided v:
                    operations.QueueSqlCommand("""
                        UPDATE visit_list SET status = 'voided', void_reason = ?, version = ?, changed_at = ?
                        WHERE visit_id = ?
                        """, v.Reason, e.Version, Utc(v.VoidedAt), v.VisitId);
                    break;
            }
        }
        return Task.CompletedTask;
    }

    private static DateTimeOffset Utc(DateTimeOffset at) => at.ToUniversalTime();

    private static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);
}
