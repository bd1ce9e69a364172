using IdoPlatform.Registrations.Storage;
using IdoPlatform.Testing.EventStore;

namespace IdoPlatform.Registrations.Tests.Integration;

/// <summary>The declared tables against the DDL script that created them until they were declared to Marten.</summary>
public sealed class TablesTests
{
    // The script as it was last shipped (kept here, frozen): databases it created exist.
    private const string OldScript = """
        CREATE TABLE IF NOT EXISTS known_locations (
            location_id       text        PRIMARY KEY,
            organisation_id   uuid        NOT NULL,
            name              text        NOT NULL DEFAULT '',
            municipality_code text        NOT NULL DEFAULT '',
            municipality_name text        NOT NULL DEFAULT '',
            province          text        NOT NULL DEFAULT '',
            has_ido           boolean     NOT NULL DEFAULT false,
            ido_opened_on     date,
            closed_on         date,
            -- the OccurredAt of the newest details applied, so an older message arriving late changes nothing
            details_at        timestamptz NOT NULL DEFAULT '-infinity'
        );
        CREATE TABLE IF NOT EXISTS visit_list (
            visit_id          uuid        PRIMARY KEY,
            organisation_id   uuid        NOT NULL,
            location_id       text        NOT NULL,
            occurred_at       timestamptz NOT NULL,
            status            text        NOT NULL,
            version           bigint      NOT NULL,
            registered_at     timestamptz NOT NULL,
            changed_at        timestamptz NOT NULL,
            void_reason       text,
            place             jsonb       NOT NULL,
            details           jsonb       NOT NULL
        );
        CREATE INDEX IF NOT EXISTS visit_list_by_organisation
            ON visit_list (organisation_id, occurred_at DESC, visit_id);
        CREATE INDEX IF NOT EXISTS visit_list_by_location
            ON visit_list (location_id, occurred_at DESC, visit_id);
        """;

    [Fact]
    public async Task Tables_the_old_script_created_need_no_migration_and_equal_the_declared_ones()
    {
        var comparison = await DeclaredTables.CompareWithScript(OldScript, RegistrationsTables.All);

        Assert.Empty(comparison.Migration);
        Assert.Equal(comparison.ScriptCatalog, comparison.DeclaredCatalog);
    }
}
