using IdoPlatform.Monitoring.Storage.Cubes;

namespace IdoPlatform.Monitoring.Storage.ReadModel;

/// <summary>
/// The names of one version of the aggregate tables. A rebuild fills version n+1 while version n keeps
/// serving, then one pointer row swaps them.
/// </summary>
public sealed record ReadModelTables(int Version)
{
    private string Prefix => $"mon_v{Version}_";

    public string Visits => Prefix + "visits";
    public string Referrals => Prefix + "referrals";
    public string Locations => Prefix + "locations";
    public string IdoPeriods => Prefix + "ido_periods";
    public string Cube(CubeDefinition cube) => Prefix + cube.TableSuffix;

    public IEnumerable<string> All =>
        [Visits, Referrals, Locations, IdoPeriods, .. CubeCatalogue.All.Select(Cube)];

    /// <summary>The tables without keys or indexes (a rebuild loads first, then indexes).</summary>
    /// <remarks>A visit is one row, its questions parallel arrays (element i of each is question i; help
    /// given as comma-joined codes): a million visits are a million rows to load, not three million.</remarks>
    public string CreateTablesSql() => $"""
        CREATE TABLE IF NOT EXISTS {Visits} (
            visit_id          uuid    NOT NULL,
            version           int     NOT NULL,
            voided            boolean NOT NULL,
            day               date    NOT NULL,
            location_id       text    NOT NULL,
            organisation_id   uuid    NOT NULL,
            municipality_code text    NOT NULL,
            province          text    NOT NULL,
            channel           text    NOT NULL,
            question_count    int     NOT NULL,
            topics            text[]  NOT NULL,
            domains           text[]  NOT NULL,
            agencies          text[]  NOT NULL,
            duration_bands    text[]  NOT NULL,
            help_given        text[]  NOT NULL
        );
        CREATE TABLE IF NOT EXISTS {Referrals} (
            referral_id       uuid NOT NULL,
            agency            text NOT NULL,
            topic             text NOT NULL,
            province          text NOT NULL,
            municipality_code text NOT NULL,
            location_id       text NOT NULL,
            issued_on         date,
            status            text NOT NULL,
            ended_at          timestamptz,
            version           bigint NOT NULL DEFAULT 0
        );
        -- Tables made before referral versions were heard (an arrival can be reversed since): 0, as their messages.
        ALTER TABLE {Referrals} ADD COLUMN IF NOT EXISTS version bigint NOT NULL DEFAULT 0;
        CREATE TABLE IF NOT EXISTS {Locations} (
            location_id       text NOT NULL,
            organisation_id   uuid NOT NULL,
            last_message_at   timestamptz NOT NULL,
            closed            boolean NOT NULL
        );
        CREATE TABLE IF NOT EXISTS {IdoPeriods} (
            location_id       text NOT NULL,
            ordinal           int  NOT NULL,
            from_day          date NOT NULL,
            until_day         date,
            province          text NOT NULL,
            municipality_code text NOT NULL,
            inside_library    boolean NOT NULL
        );
        {string.Join("\n", CubeCatalogue.All.Select(CreateCubeSql))}
        """;

    /// <summary>Keys (unique indexes, which the live upserts rely on) and the indexes queries use. A rebuild
    /// builds the visits' on one connection beside the others' on another.</summary>
    public string VisitIndexesSql() => $"""
        CREATE UNIQUE INDEX IF NOT EXISTS {Visits}_key ON {Visits} (visit_id);
        CREATE INDEX IF NOT EXISTS {Visits}_day ON {Visits} (day);
        """;

    public string CreateIndexesSql() => VisitIndexesSql() + OtherIndexesSql();

    public string OtherIndexesSql() => $"""
        CREATE UNIQUE INDEX IF NOT EXISTS {Referrals}_key ON {Referrals} (referral_id);
        CREATE INDEX IF NOT EXISTS {Referrals}_issued_on ON {Referrals} (issued_on);
        CREATE UNIQUE INDEX IF NOT EXISTS {Locations}_key ON {Locations} (location_id);
        CREATE UNIQUE INDEX IF NOT EXISTS {IdoPeriods}_key ON {IdoPeriods} (location_id, ordinal);
        {string.Join("\n", CubeCatalogue.All.Select(c =>
            $"CREATE UNIQUE INDEX IF NOT EXISTS {Cube(c)}_key ON {Cube(c)} ({string.Join(", ", ["bucket", .. c.Dimensions.Select(d => d.Column)])});"))}
        """;

    public string DropSql() => string.Join("\n", All.Select(t => $"DROP TABLE IF EXISTS {t};"));

    private string CreateCubeSql(CubeDefinition cube)
    {
        var columns = cube.Dimensions.Select(d => $"{d.Column} text NOT NULL").ToList();
        return $"""
            CREATE TABLE IF NOT EXISTS {Cube(cube)} (
                bucket    date NOT NULL,
                {string.Join(",\n    ", columns)}{(columns.Count > 0 ? "," : "")}
                visits    int  NOT NULL,
                questions int  NOT NULL
            );
            """;
    }
}
