using IdoPlatform.BuildingBlocks.Persistence;
using Npgsql;

namespace IdoPlatform.Registrations.Storage;

/// <summary>The service's own tables beside the event store's: the location replica and the visit
/// list read model. Created once per process, serialised across replicas by an advisory lock.</summary>
public sealed class RegistrationsSchema(NpgsqlDataSource dataSource) : SchemaScript(dataSource, "registrations", Ddl)
{
    private const string Ddl = """
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
}
