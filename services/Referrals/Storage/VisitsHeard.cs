using IdoPlatform.BuildingBlocks.Messaging.Inbox;

namespace IdoPlatform.Referrals.Storage;

/// <summary>
/// The newest version heard of each visit that reached the visit consumer. Visit messages can be handled out of order
/// (prefetched messages run concurrently; a retried relay page repeats older ones under new deliveries), and an older
/// message must not redo what a newer one undid: a registration handled after its void would make the referral arrive
/// again for good.
/// </summary>
public static class VisitsHeard
{
    public const string TableName = "visits_heard";

    /// <summary>
    /// Records <paramref name="version"/> in the inbox's transaction and says whether it is not older than any heard
    /// before. The row stays locked until the inbox commits, so messages about one visit are handled one after another.
    /// The same version again passes: a redelivery after a crash between the appends and the inbox commit must finish
    /// what it started (the decisions make a repeat harmless).
    /// </summary>
    public static async Task<bool> IsNewest(InboxTransaction inbox, Guid visitId, int version, CancellationToken ct)
    {
        await using var command = inbox.CreateCommand($"""
            INSERT INTO {TableName} (visit_id, version) VALUES ($1, $2)
            ON CONFLICT (visit_id) DO UPDATE SET version = excluded.version WHERE {TableName}.version <= excluded.version
            RETURNING version
            """);
        command.Parameters.AddWithValue(visitId);
        command.Parameters.AddWithValue(version);
        return await command.ExecuteScalarAsync(ct) is not null;
    }
}
