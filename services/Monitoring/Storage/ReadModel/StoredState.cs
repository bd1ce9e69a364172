using IdoPlatform.Monitoring.Storage.Locations;
using IdoPlatform.Monitoring.Storage.Referrals;
using IdoPlatform.Monitoring.Storage.Visits;
using Npgsql;

namespace IdoPlatform.Monitoring.Storage.ReadModel;

/// <summary>Reads back the stored state of the visits, referrals and locations a batch touches.</summary>
internal static class StoredState
{
    public static async Task LoadInto(AggregateState state, ReadModelTables t, NpgsqlConnection connection,
        NpgsqlTransaction tx, Guid[] visitIds, Guid[] referralIds, string[] locationIds, CancellationToken ct)
    {
        if (visitIds.Length > 0) await LoadVisits(state, t, connection, tx, visitIds, ct);
        if (referralIds.Length > 0) await LoadReferrals(state, t, connection, tx, referralIds, ct);
        if (locationIds.Length > 0) await LoadLocations(state, t, connection, tx, locationIds, ct);
    }

    private static async Task LoadVisits(AggregateState state, ReadModelTables t, NpgsqlConnection connection,
        NpgsqlTransaction tx, Guid[] ids, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT visit_id, version, voided, day, location_id, organisation_id, municipality_code, province, channel,
                   topics, domains, agencies, duration_bands, help_given
            FROM {t.Visits} WHERE visit_id = ANY(@ids)
            """, connection, tx);
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetGuid(0);
            var questions = Rows.Questions(reader.GetFieldValue<string[]>(9), reader.GetFieldValue<string[]>(10),
                reader.GetFieldValue<string[]>(11), reader.GetFieldValue<string[]>(12), reader.GetFieldValue<string[]>(13));
            state.Visits[id] = new VisitFacts(id, reader.GetInt32(1), reader.GetBoolean(2),
                reader.GetFieldValue<DateOnly>(3), reader.GetString(4), reader.GetGuid(5), reader.GetString(6),
                reader.GetString(7), reader.GetString(8), questions);
        }
    }

    private static async Task LoadReferrals(AggregateState state, ReadModelTables t, NpgsqlConnection connection,
        NpgsqlTransaction tx, Guid[] ids, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT {Rows.ReferralColumns}
            FROM {t.Referrals} WHERE referral_id = ANY(@ids)
            """, connection, tx);
        command.Parameters.AddWithValue("ids", ids);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var id = reader.GetGuid(0);
            state.Referrals[id] = new ReferralOutcome(id, reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateOnly>(6),
                Enum.Parse<ReferralStatus>(reader.GetString(7), ignoreCase: true),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8), reader.GetInt64(9));
        }
    }

    private static async Task LoadLocations(AggregateState state, ReadModelTables t, NpgsqlConnection connection,
        NpgsqlTransaction tx, string[] ids, CancellationToken ct)
    {
        var periods = new Dictionary<string, List<IdoPeriod>>();
        await using (var command = new NpgsqlCommand($"""
            SELECT location_id, from_day, until_day, province, municipality_code, inside_library FROM {t.IdoPeriods}
            WHERE location_id = ANY(@ids) ORDER BY location_id, ordinal
            """, connection, tx))
        {
            command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetString(0);
                if (!periods.TryGetValue(id, out var list)) periods[id] = list = [];
                list.Add(new IdoPeriod(reader.GetFieldValue<DateOnly>(1),
                    reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2), reader.GetString(3),
                    reader.GetString(4), reader.GetBoolean(5)));
            }
        }

        await using (var command = new NpgsqlCommand($"""
            SELECT location_id, organisation_id, last_message_at, closed FROM {t.Locations} WHERE location_id = ANY(@ids)
            """, connection, tx))
        {
            command.Parameters.AddWithValue("ids", ids);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetString(0);
                state.Locations[id] = new IdoLocation(id, reader.GetGuid(1), reader.GetFieldValue<DateTimeOffset>(2),
                    reader.GetBoolean(3), periods.GetValueOrDefault(id) ?? []);
            }
        }
    }
}
