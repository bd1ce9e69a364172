using System.Text.Json;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Referrals.Features.ReferralProfiles;
using Npgsql;
using NpgsqlTypes;

namespace IdoPlatform.Referrals.Storage;

/// <summary>The current profile per agency, written in the append's transaction so a PUT is read back at once.</summary>
public sealed class ReferralProfileProjection: IInlineProjection
{
    public async Task Apply(IReadOnlyList<StoredEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken ct)
    {
        foreach (var stored in events)
        {
            if (stored.Data is not ReferralProfileRevised revised) continue;
            await using var command = new NpgsqlCommand("""
                INSERT INTO referral_profiles_read (agency, version, revised_at, topics)
                VALUES (@agency, @version, @revised_at, @topics)
                ON CONFLICT (agency) DO UPDATE SET version = excluded.version, revised_at = excluded.revised_at,
                    topics = excluded.topics
                """, connection, transaction);
            command.Parameters.AddWithValue("agency", revised.Agency);
            command.Parameters.AddWithValue("version", stored.StreamVersion);
            command.Parameters.AddWithValue("revised_at", revised.RevisedAt);
            command.Parameters.AddWithValue("topics", NpgsqlDbType.Jsonb,
                JsonSerializer.Serialize(revised.Topics, EventTypeRegistry.Json));
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
