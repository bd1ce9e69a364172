using IdoPlatform.Referrals.Features.Referrals;
using IdoPlatform.BuildingBlocks.EventStore;
using Npgsql;

namespace IdoPlatform.Referrals.Storage;

/// <summary>
/// The referral table, written in the append's own transaction: the unique code constraint makes a
/// (vanishingly rare) code collision fail the whole append, and lists and code look-ups see a write at once.
/// </summary>
public sealed class ReferralReadProjection: IInlineProjection
{
    public async Task Apply(IReadOnlyList<StoredEvent> events, NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken ct)
    {
        foreach (var stored in events)
        {
            (string? Sql, Action<NpgsqlParameterCollection>? Bind) change = stored.Data switch
            {
                ReferralIssued e => ("""
                    INSERT INTO referrals_read (id, code, agency, topic, location_id, organisation_id, method, status,
                                                issued_at, expires_at, version)
                    VALUES (@id, @code, @agency, @topic, @location, @organisation, @method, 'issued', @issued, @expires, @version)
                    """, p =>
                    {
                        p.AddWithValue("code", e.Referral.Code);
                        p.AddWithValue("agency", e.Referral.Agency);
                        p.AddWithValue("topic", e.Referral.Topic);
                        p.AddWithValue("location", e.Referral.LocationId);
                        p.AddWithValue("organisation", e.Referral.OrganisationId);
                        p.AddWithValue("method", e.Referral.Method);
                        p.AddWithValue("issued", e.IssuedAt);
                        p.AddWithValue("expires", e.ExpiresAt);
                    }),
                ReferralArrivalRecorded e => (
                    "UPDATE referrals_read SET status = 'arrived', visit_id = @visit, ended_at = @at, version = @version WHERE id = @id",
                    p => { p.AddWithValue("visit", e.VisitId); p.AddWithValue("at", e.ArrivedAt); }),
                ReferralArrivalIgnored => (
                    "UPDATE referrals_read SET ignored_arrivals = ignored_arrivals + 1, version = @version WHERE id = @id",
                    _ => { }),
                ReferralArrivalReversed => (
                    "UPDATE referrals_read SET status = 'issued', visit_id = NULL, ended_at = NULL, version = @version WHERE id = @id",
                    _ => { }),
                ReferralExpired e => (
                    "UPDATE referrals_read SET status = 'expired', ended_at = @at, version = @version WHERE id = @id",
                    p => p.AddWithValue("at", e.ExpiredAt)),
                ReferralCancelled e => (
                    "UPDATE referrals_read SET status = 'cancelled', ended_at = @at, version = @version WHERE id = @id",
                    p => p.AddWithValue("at", e.CancelledAt)),
                _ => (null, null),
            };
            if (change is not (string sql, { } bind)) continue;

            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddWithValue("id", stored.StreamId);
            command.Parameters.AddWithValue("version", stored.StreamVersion);
            bind(command.Parameters);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    public const string CodeConstraint = "referrals_read_code_unique";
}
