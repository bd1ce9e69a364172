using IdoPlatform.Monitoring.Storage.Cubes;
using IdoPlatform.Monitoring.Storage.Locations;
using IdoPlatform.Monitoring.Storage.Referrals;
using IdoPlatform.Monitoring.Storage.Visits;
using Npgsql;
using NpgsqlTypes;

namespace IdoPlatform.Monitoring.Storage.ReadModel;

/// <summary>
/// Applies a batch of recorded messages to one version of the tables inside the caller's transaction:
/// load what the batch touches, fold, and write only what changed (visit rows, question rows, cube deltas).
/// Applying the same messages again changes nothing, which lets a rebuild overlap the live projection.
/// </summary>
internal static class LiveProjector
{
    public static async Task Apply(ReadModelTables t, IReadOnlyList<object> messages, NpgsqlConnection connection,
        NpgsqlTransaction tx, CancellationToken ct)
    {
        var visitIds = messages.Select(VisitFactsEvolution.VisitIdOf).OfType<Guid>().Distinct().ToArray();
        var referralIds = messages.Select(ReferralOutcomeEvolution.ReferralIdOf).OfType<Guid>().Distinct().ToArray();
        var locationIds = messages.Select(IdoLocationEvolution.LocationIdOf).OfType<string>().Distinct().ToArray();
        if (visitIds.Length + referralIds.Length + locationIds.Length == 0) return;

        var before = new AggregateState();
        await StoredState.LoadInto(before, t, connection, tx, visitIds, referralIds, locationIds, ct);
        var after = new AggregateState();
        foreach (var (id, v) in before.Visits) after.Visits[id] = v;
        foreach (var (id, r) in before.Referrals) after.Referrals[id] = r;
        foreach (var (id, l) in before.Locations) after.Locations[id] = l;
        foreach (var message in messages) after.Apply(message);

        var visits = Changed(before.Visits, after.Visits);
        if (visits.Count > 0)
        {
            await WriteVisits(t, visits, connection, tx, ct);
            foreach (var cube in CubeCatalogue.All)
            {
                var delta = new Dictionary<CubeKey, CubeCounts>();
                foreach (var visit in visits)
                {
                    if (before.Visits.GetValueOrDefault(visit.VisitId) is { } old)
                        CubeContributions.AddTo(delta, cube, old, -1);
                    CubeContributions.AddTo(delta, cube, visit, +1);
                }
                if (delta.Count > 0) await WriteCubeDelta(t, cube, delta, connection, tx, ct);
            }
        }

        var referrals = Changed(before.Referrals, after.Referrals);
        if (referrals.Count > 0) await WriteReferrals(t, referrals, connection, tx, ct);

        var locations = Changed(before.Locations, after.Locations);
        if (locations.Count > 0) await WriteLocations(t, locations, connection, tx, ct);
    }

    private static List<T> Changed<TKey, T>(Dictionary<TKey, T> before, Dictionary<TKey, T> after) where TKey : notnull =>
        after.Where(a => !before.TryGetValue(a.Key, out var b) || !Equals(a.Value, b)).Select(a => a.Value).ToList();

    private static async Task WriteVisits(ReadModelTables t, List<VisitFacts> visits, NpgsqlConnection connection,
        NpgsqlTransaction tx, CancellationToken ct)
    {
        // Question arrays cannot pass through unnest (it would flatten them): each goes as one text, split again in SQL.
        var arrays = visits.Select(Rows.QuestionArrays).ToList();
        static string Joined(string[] values) => string.Join('\u001f', values);
        // One element per question, even an empty one (a question with no help ticked); none without questions.
        static string Split(string column) => $"CASE WHEN qcount = 0 THEN '{{}}'::text[] ELSE regexp_split_to_array({column}, E'\\x1f') END";
        await using var upsert = new NpgsqlCommand($"""
            INSERT INTO {t.Visits} ({Rows.VisitColumns})
            SELECT id, version, voided, day, location, organisation, municipality, province, channel, qcount,
                   {Split("topics")}, {Split("domains")}, {Split("agencies")}, {Split("bands")}, {Split("help")}
            FROM unnest(@id, @version, @voided, @day, @location, @organisation, @municipality, @province, @channel, @count,
                        @topics, @domains, @agencies, @bands, @help)
                 AS r(id, version, voided, day, location, organisation, municipality, province, channel, qcount,
                      topics, domains, agencies, bands, help)
            ON CONFLICT (visit_id) DO UPDATE SET version = excluded.version, voided = excluded.voided, day = excluded.day,
                location_id = excluded.location_id, organisation_id = excluded.organisation_id,
                municipality_code = excluded.municipality_code, province = excluded.province,
                channel = excluded.channel, question_count = excluded.question_count, topics = excluded.topics,
                domains = excluded.domains, agencies = excluded.agencies, duration_bands = excluded.duration_bands,
                help_given = excluded.help_given
            """, connection, tx);
        var p = upsert.Parameters;
        p.AddWithValue("id", visits.Select(v => v.VisitId).ToArray());
        p.AddWithValue("version", visits.Select(v => v.Version).ToArray());
        p.AddWithValue("voided", visits.Select(v => v.Voided).ToArray());
        p.AddWithValue("day", visits.Select(v => v.Day).ToArray());
        p.AddWithValue("location", visits.Select(v => v.LocationId).ToArray());
        p.AddWithValue("organisation", visits.Select(v => v.OrganisationId).ToArray());
        p.AddWithValue("municipality", visits.Select(v => v.MunicipalityCode).ToArray());
        p.AddWithValue("province", visits.Select(v => v.Province).ToArray());
        p.AddWithValue("channel", visits.Select(v => v.Channel).ToArray());
        p.AddWithValue("count", visits.Select(v => v.Questions.Length).ToArray());
        p.AddWithValue("topics", arrays.Select(a => Joined(a.Topics)).ToArray());
        p.AddWithValue("domains", arrays.Select(a => Joined(a.Domains)).ToArray());
        p.AddWithValue("agencies", arrays.Select(a => Joined(a.Agencies)).ToArray());
        p.AddWithValue("bands", arrays.Select(a => Joined(a.Bands)).ToArray());
        p.AddWithValue("help", arrays.Select(a => Joined(a.Help)).ToArray());
        await upsert.ExecuteNonQueryAsync(ct);
    }

    private static async Task WriteCubeDelta(ReadModelTables t, CubeDefinition cube, Dictionary<CubeKey, CubeCounts> delta,
        NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
    {
        var table = t.Cube(cube);
        var dims = cube.Dimensions.Select(d => d.Column).ToArray();
        var names = dims.Select((_, i) => $"@d{i}").ToArray();
        var keyColumns = string.Join(", ", ["bucket", .. dims]);
        var cells = delta.ToList();

        var zeroed = new List<object?[]>();
        await using (var upsert = new NpgsqlCommand($"""
            INSERT INTO {table} AS c ({Rows.CubeColumns(cube)})
            SELECT * FROM unnest(@bucket, {string.Join("", names.Select(n => n + ", "))}@visits, @questions)
            ON CONFLICT ({keyColumns}) DO UPDATE
                SET visits = c.visits + excluded.visits, questions = c.questions + excluded.questions
            RETURNING {keyColumns}, visits
            """, connection, tx))
        {
            upsert.Parameters.AddWithValue("bucket", cells.Select(c => c.Key.Bucket).ToArray());
            for (var i = 0; i < dims.Length; i++)
            {
                var index = i;
                upsert.Parameters.AddWithValue($"d{i}", cells.Select(c => c.Key.Values(dims.Length)[index]!).ToArray());
            }
            upsert.Parameters.AddWithValue("visits", cells.Select(c => c.Value.Visits).ToArray());
            upsert.Parameters.AddWithValue("questions", cells.Select(c => c.Value.Questions).ToArray());
            await using var reader = await upsert.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                if (reader.GetInt32(dims.Length + 1) == 0)
                {
                    var key = new object?[dims.Length + 1];
                    reader.GetValues(key!);
                    zeroed.Add(key);
                }
        }
        if (zeroed.Count == 0) return;

        // An empty cell is deleted, so the live tables stay identical to a rebuild's.
        await using var delete = new NpgsqlCommand($"""
            DELETE FROM {table} WHERE ({keyColumns}) IN (SELECT * FROM unnest(@bucket{string.Join("", names.Select(n => ", " + n))}))
              AND visits = 0
            """, connection, tx);
        delete.Parameters.AddWithValue("bucket", zeroed.Select(z => (DateOnly)z[0]!).ToArray());
        for (var i = 0; i < dims.Length; i++)
        {
            var index = i + 1;
            delete.Parameters.AddWithValue($"d{i}", zeroed.Select(z => (string)z[index]!).ToArray());
        }
        await delete.ExecuteNonQueryAsync(ct);
    }

    private static async Task WriteReferrals(ReadModelTables t, List<ReferralOutcome> referrals, NpgsqlConnection connection,
        NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var upsert = new NpgsqlCommand($"""
            INSERT INTO {t.Referrals} ({Rows.ReferralColumns})
            SELECT * FROM unnest(@id, @agency, @topic, @province, @municipality, @location, @issued, @status, @ended, @version)
            ON CONFLICT (referral_id) DO UPDATE SET agency = excluded.agency, topic = excluded.topic,
                province = excluded.province, municipality_code = excluded.municipality_code,
                location_id = excluded.location_id, issued_on = excluded.issued_on, status = excluded.status,
                ended_at = excluded.ended_at, version = excluded.version
            """, connection, tx);
        var p = upsert.Parameters;
        p.AddWithValue("id", referrals.Select(r => r.ReferralId).ToArray());
        p.AddWithValue("agency", referrals.Select(r => r.Agency).ToArray());
        p.AddWithValue("topic", referrals.Select(r => r.Topic).ToArray());
        p.AddWithValue("province", referrals.Select(r => r.Province).ToArray());
        p.AddWithValue("municipality", referrals.Select(r => r.MunicipalityCode).ToArray());
        p.AddWithValue("location", referrals.Select(r => r.LocationId).ToArray());
        p.Add(new NpgsqlParameter("issued", NpgsqlDbType.Array | NpgsqlDbType.Date)
            { Value = referrals.Select(r => r.IssuedOn).ToArray() });
        p.AddWithValue("status", referrals.Select(r => Rows.StatusText(r.Status)).ToArray());
        p.Add(new NpgsqlParameter("ended", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
            { Value = referrals.Select(r => r.EndedAt).ToArray() });
        p.AddWithValue("version", referrals.Select(r => r.Version).ToArray());
        await upsert.ExecuteNonQueryAsync(ct);
    }

    private static async Task WriteLocations(ReadModelTables t, List<IdoLocation> locations, NpgsqlConnection connection,
        NpgsqlTransaction tx, CancellationToken ct)
    {
        await using (var upsert = new NpgsqlCommand($"""
            INSERT INTO {t.Locations} ({Rows.LocationColumns})
            SELECT * FROM unnest(@id, @organisation, @last, @closed)
            ON CONFLICT (location_id) DO UPDATE SET organisation_id = excluded.organisation_id,
                last_message_at = excluded.last_message_at, closed = excluded.closed
            """, connection, tx))
        {
            upsert.Parameters.AddWithValue("id", locations.Select(l => l.LocationId).ToArray());
            upsert.Parameters.AddWithValue("organisation", locations.Select(l => l.OrganisationId).ToArray());
            upsert.Parameters.AddWithValue("last", locations.Select(l => l.LastMessageAt).ToArray());
            upsert.Parameters.AddWithValue("closed", locations.Select(l => l.Closed).ToArray());
            await upsert.ExecuteNonQueryAsync(ct);
        }

        await using (var delete = new NpgsqlCommand($"DELETE FROM {t.IdoPeriods} WHERE location_id = ANY(@ids)", connection, tx))
        {
            delete.Parameters.AddWithValue("ids", locations.Select(l => l.LocationId).ToArray());
            await delete.ExecuteNonQueryAsync(ct);
        }

        var rows = locations.SelectMany(l => Rows.Numbered(l).Select(p => (Location: l, p.Period, p.Ordinal))).ToList();
        if (rows.Count == 0) return;
        await using var insert = new NpgsqlCommand($"""
            INSERT INTO {t.IdoPeriods} ({Rows.PeriodColumns})
            SELECT * FROM unnest(@id, @ordinal, @from, @until, @province, @municipality, @inside)
            """, connection, tx);
        var q = insert.Parameters;
        q.AddWithValue("id", rows.Select(r => r.Location.LocationId).ToArray());
        q.AddWithValue("ordinal", rows.Select(r => r.Ordinal).ToArray());
        q.AddWithValue("from", rows.Select(r => r.Period.From).ToArray());
        q.Add(new NpgsqlParameter("until", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = rows.Select(r => r.Period.Until).ToArray() });
        q.AddWithValue("province", rows.Select(r => r.Period.Province).ToArray());
        q.AddWithValue("municipality", rows.Select(r => r.Period.MunicipalityCode).ToArray());
        q.AddWithValue("inside", rows.Select(r => r.Period.InsideLibrary).ToArray());
        await insert.ExecuteNonQueryAsync(ct);
    }
}
