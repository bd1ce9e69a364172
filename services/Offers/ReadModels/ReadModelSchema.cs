using Npgsql;
using IdoPlatform.BuildingBlocks.Persistence;

namespace IdoPlatform.Offers.ReadModels;

/// <summary>The read-model tables, created once at start-up before seeding, the daemon or any request
/// (<c>AddSchemaScript</c>); replicas starting together are serialised by an advisory lock.</summary>
public sealed class ReadModelSchema(NpgsqlDataSource dataSource) : SchemaScript(dataSource, "offers", Ddl)
{
    // Plain latitude/longitude columns: a bounding-box pre-filter in SQL and the exact haversine in
    // memory is fast enough for the thousands of locations the country has, and fully deterministic.
    private const string Ddl = """
        CREATE TABLE IF NOT EXISTS offers_organisations (
            id          uuid PRIMARY KEY,
            number      text    NOT NULL UNIQUE,
            name        text    NOT NULL,
            kind        text    NOT NULL,
            visible     boolean NOT NULL,
            version     bigint  NOT NULL
        );
        CREATE TABLE IF NOT EXISTS offers_locations (
            location_id       text PRIMARY KEY,
            organisation_id   uuid    NOT NULL,
            organisation_name text    NOT NULL,
            kind              text    NOT NULL,
            municipality_code text    NOT NULL,
            province          text    NOT NULL,
            latitude          double precision NOT NULL,
            longitude         double precision NOT NULL,
            has_ido           boolean NOT NULL,
            visible           boolean NOT NULL,
            closed_on         date,
            facts             jsonb   NOT NULL,
            version           bigint  NOT NULL
        );
        CREATE INDEX IF NOT EXISTS offers_locations_position ON offers_locations (latitude, longitude)
            WHERE visible AND closed_on IS NULL;
        CREATE INDEX IF NOT EXISTS offers_locations_organisation ON offers_locations (organisation_id);
        CREATE TABLE IF NOT EXISTS offers_offer_types (
            code        text    NOT NULL,
            version     int     NOT NULL,
            definition  jsonb   NOT NULL,
            PRIMARY KEY (code, version)
        );
        CREATE TABLE IF NOT EXISTS offers_offer_type_streams (
            code            text PRIMARY KEY,
            current_version int    NOT NULL,
            stream_version  bigint NOT NULL
        );
        CREATE TABLE IF NOT EXISTS offers_offers (
            offer_id        uuid PRIMARY KEY,
            organisation_id uuid    NOT NULL,
            status          text    NOT NULL,
            offer_type_code text    NOT NULL,
            walk_in         boolean NOT NULL,
            themes          text[]  NOT NULL,
            target_groups   text[]  NOT NULL,
            location_ids    text[]  NOT NULL,
            content         jsonb   NOT NULL,
            version         bigint  NOT NULL
        );
        CREATE INDEX IF NOT EXISTS offers_offers_locations ON offers_offers USING gin (location_ids)
            WHERE status = 'published';
        CREATE INDEX IF NOT EXISTS offers_offers_organisation ON offers_offers (organisation_id);
        """;
}
