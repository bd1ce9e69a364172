using IdoPlatform.Monitoring.Storage.Cubes;
using Npgsql;
using NpgsqlTypes;

namespace IdoPlatform.Monitoring.Storage.ReadModel;

/// <summary>
/// Writes a whole <see cref="AggregateState"/> into empty, unindexed tables with binary COPY (the rebuild's
/// load), then builds their keys and indexes. The visits, the biggest table, go over a connection of their
/// own while the rest use a second one, so both of PostgreSQL's hands are busy.
/// </summary>
internal static class BulkLoader
{
    public static async Task Load(AggregateState state, ReadModelTables t, NpgsqlDataSource dataSource, CancellationToken ct)
    {
        // Cube cells are pure computation: they are worked out while the visits stream into PostgreSQL.
        var cubes = CubeCatalogue.All
            .Select(cube => (Cube: cube, Cells: Task.Run(() => state.CubeCells(cube), ct)))
            .ToList();
        var visits = Task.Run(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            LoadVisits(state, t, connection);
            await ReadModelSchema.Execute(connection, null, t.VisitIndexesSql(), ct);
        }, ct);
        var rest = Task.Run(async () =>
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            LoadReferrals(state, t, connection);
            LoadLocations(state, t, connection);
            foreach (var (cube, cells) in cubes)
                LoadCube(cube, await cells, t, connection);
            await ReadModelSchema.Execute(connection, null, t.OtherIndexesSql(), ct);
        }, ct);
        await Task.WhenAll(visits, rest);
    }

    private static void LoadVisits(AggregateState state, ReadModelTables t, NpgsqlConnection connection)
    {
        using var visits = connection.BeginBinaryImport($"COPY {t.Visits} ({Rows.VisitColumns}) FROM STDIN (FORMAT BINARY)");
        foreach (var v in state.Visits.Values)
        {
            var (topics, domains, agencies, bands, help) = Rows.QuestionArrays(v);
            visits.StartRow();
            visits.Write(v.VisitId, NpgsqlDbType.Uuid);
            visits.Write(v.Version, NpgsqlDbType.Integer);
            visits.Write(v.Voided, NpgsqlDbType.Boolean);
            visits.Write(v.Day, NpgsqlDbType.Date);
            visits.Write(v.LocationId, NpgsqlDbType.Text);
            visits.Write(v.OrganisationId, NpgsqlDbType.Uuid);
            visits.Write(v.MunicipalityCode, NpgsqlDbType.Text);
            visits.Write(v.Province, NpgsqlDbType.Text);
            visits.Write(v.Channel, NpgsqlDbType.Text);
            visits.Write(v.Questions.Length, NpgsqlDbType.Integer);
            visits.Write(topics, NpgsqlDbType.Array | NpgsqlDbType.Text);
            visits.Write(domains, NpgsqlDbType.Array | NpgsqlDbType.Text);
            visits.Write(agencies, NpgsqlDbType.Array | NpgsqlDbType.Text);
            visits.Write(bands, NpgsqlDbType.Array | NpgsqlDbType.Text);
            visits.Write(help, NpgsqlDbType.Array | NpgsqlDbType.Text);
        }
        visits.Complete();
    }

    private static void LoadReferrals(AggregateState state, ReadModelTables t, NpgsqlConnection connection)
    {
        using var referrals = connection.BeginBinaryImport($"COPY {t.Referrals} ({Rows.ReferralColumns}) FROM STDIN (FORMAT BINARY)");
        foreach (var r in state.Referrals.Values)
        {
            referrals.StartRow();
            referrals.Write(r.ReferralId, NpgsqlDbType.Uuid);
            referrals.Write(r.Agency, NpgsqlDbType.Text);
            referrals.Write(r.Topic, NpgsqlDbType.Text);
            referrals.Write(r.Province, NpgsqlDbType.Text);
            referrals.Write(r.MunicipalityCode, NpgsqlDbType.Text);
            referrals.Write(r.LocationId, NpgsqlDbType.Text);
            if (r.IssuedOn is { } issuedOn) referrals.Write(issuedOn, NpgsqlDbType.Date);
            else referrals.WriteNull();
            referrals.Write(Rows.StatusText(r.Status), NpgsqlDbType.Text);
            if (r.EndedAt is { } endedAt) referrals.Write(endedAt, NpgsqlDbType.TimestampTz);
            else referrals.WriteNull();
            referrals.Write(r.Version, NpgsqlDbType.Bigint);
        }
        referrals.Complete();
    }

    private static void LoadLocations(AggregateState state, ReadModelTables t, NpgsqlConnection connection)
    {
        using (var locations = connection.BeginBinaryImport($"COPY {t.Locations} ({Rows.LocationColumns}) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var l in state.Locations.Values)
            {
                locations.StartRow();
                locations.Write(l.LocationId, NpgsqlDbType.Text);
                locations.Write(l.OrganisationId, NpgsqlDbType.Uuid);
                locations.Write(l.LastMessageAt, NpgsqlDbType.TimestampTz);
                locations.Write(l.Closed, NpgsqlDbType.Boolean);
            }
            locations.Complete();
        }

        using var periods = connection.BeginBinaryImport($"COPY {t.IdoPeriods} ({Rows.PeriodColumns}) FROM STDIN (FORMAT BINARY)");
        foreach (var l in state.Locations.Values)
            foreach (var (p, ordinal) in Rows.Numbered(l))
            {
                periods.StartRow();
                periods.Write(l.LocationId, NpgsqlDbType.Text);
                periods.Write(ordinal, NpgsqlDbType.Integer);
                periods.Write(p.From, NpgsqlDbType.Date);
                if (p.Until is { } until) periods.Write(until, NpgsqlDbType.Date);
                else periods.WriteNull();
                periods.Write(p.Province, NpgsqlDbType.Text);
                periods.Write(p.MunicipalityCode, NpgsqlDbType.Text);
                periods.Write(p.InsideLibrary, NpgsqlDbType.Boolean);
            }
        periods.Complete();
    }

    private static void LoadCube(CubeDefinition cube, Dictionary<CubeKey, CubeCounts> cells, ReadModelTables t,
        NpgsqlConnection connection)
    {
        var dimensions = cube.Dimensions.Count;
        using var copy = connection.BeginBinaryImport($"COPY {t.Cube(cube)} ({Rows.CubeColumns(cube)}) FROM STDIN (FORMAT BINARY)");
        foreach (var (key, counts) in cells)
        {
            copy.StartRow();
            copy.Write(key.Bucket, NpgsqlDbType.Date);
            if (dimensions > 0) copy.Write(key.A!, NpgsqlDbType.Text);
            if (dimensions > 1) copy.Write(key.B!, NpgsqlDbType.Text);
            if (dimensions > 2) copy.Write(key.C!, NpgsqlDbType.Text);
            copy.Write(counts.Visits, NpgsqlDbType.Integer);
            copy.Write(counts.Questions, NpgsqlDbType.Integer);
        }
        copy.Complete();
    }
}
