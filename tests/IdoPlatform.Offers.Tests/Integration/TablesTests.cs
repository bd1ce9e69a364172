using IdoPlatform.Offers.Storage;
using IdoPlatform.Testing.EventStore;

namespace IdoPlatform.Offers.Tests.Integration;

/// <summary>The declared tables against the DDL script that created them until they were declared to Marten.</summary>
public sealed class TablesTests
{
    // The script as it was last shipped (kept here, frozen): databases it created exist.
    private const string OldScript = """
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

    [Fact]
    public async Task Tables_the_old_script_created_need_no_migration_and_equal_the_declared_ones()
    {
        var comparison = await DeclaredTables.CompareWithScript(OldScript, OffersTables.All);

        Assert.Empty(comparison.Migration);
        Assert.Equal(comparison.ScriptCatalog, comparison.DeclaredCatalog);
    }
}
