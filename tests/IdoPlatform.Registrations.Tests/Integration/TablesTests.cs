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
    public async Task Tables_the_old_script_created_migrate_only_the_visit_list_indexes_to_the_keyset_order()
    {
        var comparison = await DeclaredTables.CompareWithScript(OldScript, RegistrationsTables.All);

        // Keyset paging reads (occurred_at DESC, visit_id DESC): both list indexes are rebuilt in that order at start-up,
        // nothing else changes.
        var migration = Assert.Single(comparison.Migration);
        Assert.StartsWith("public.visit_list: Update", migration);
        Assert.Contains("visit_list_by_organisation", migration);
        Assert.Contains("visit_list_by_location", migration);
        Assert.DoesNotContain("column", migration, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(comparison.DeclaredCatalog, comparison.MigratedCatalog);
        Assert.Contains("(organisation_id, occurred_at DESC, visit_id DESC)", comparison.DeclaredCatalog);
        Assert.Contains("(location_id, occurred_at DESC, visit_id DESC)", comparison.DeclaredCatalog);
        Assert.Equal(Without(comparison.ScriptCatalog), Without(comparison.DeclaredCatalog));
    }

    private static string Without(string catalog) =>
        string.Join("\n", catalog.Split('\n').Where(line => !line.Contains("INDEX visit_list_by_")));
}
