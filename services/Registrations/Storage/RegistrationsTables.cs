using IdoPlatform.BuildingBlocks.EventStore;
using Weasel.Postgresql.Tables;

namespace IdoPlatform.Registrations.Storage;

/// <summary>The service's own tables beside the event store's: the location replica and the visit list read model.
/// Marten creates and migrates them in its schema step at start-up.</summary>
public static class RegistrationsTables
{
    public static Table[] All() => [KnownLocations(), VisitList()];

    private static Table KnownLocations()
    {
        var t = ServiceTables.Named("known_locations");
        t.AddColumn("location_id", "text").AsPrimaryKey();
        t.AddColumn("organisation_id", "uuid").NotNull();
        t.AddColumn("name", "text").NotNull().DefaultValueByExpression("''");
        t.AddColumn("municipality_code", "text").NotNull().DefaultValueByExpression("''");
        t.AddColumn("municipality_name", "text").NotNull().DefaultValueByExpression("''");
        t.AddColumn("province", "text").NotNull().DefaultValueByExpression("''");
        t.AddColumn("has_ido", "boolean").NotNull().DefaultValueByExpression("false");
        t.AddColumn("ido_opened_on", "date");
        t.AddColumn("closed_on", "date");
        // The OccurredAt of the newest details applied, so an older message arriving late changes nothing.
        t.AddColumn("details_at", "timestamptz").NotNull().DefaultValueByExpression("'-infinity'");
        return t;
    }

    private static Table VisitList()
    {
        var t = ServiceTables.Named("visit_list");
        t.AddColumn("visit_id", "uuid").AsPrimaryKey();
        t.AddColumn("organisation_id", "uuid").NotNull();
        t.AddColumn("location_id", "text").NotNull();
        t.AddColumn("occurred_at", "timestamptz").NotNull();
        t.AddColumn("status", "text").NotNull();
        t.AddColumn("version", "bigint").NotNull();
        t.AddColumn("registered_at", "timestamptz").NotNull();
        t.AddColumn("changed_at", "timestamptz").NotNull();
        t.AddColumn("void_reason", "text");
        t.AddColumn("place", "jsonb").NotNull();
        t.AddColumn("details", "jsonb").NotNull();
        // The list's keyset order (occurred_at DESC, visit_id DESC) within an organisation or a location: a page is one
        // range scan from the cursor's position, however deep (VisitListQueries.List).
        t.Indexes.Add(new IndexDefinition("visit_list_by_organisation") { Columns = ["organisation_id", "occurred_at DESC", "visit_id DESC"] });
        t.Indexes.Add(new IndexDefinition("visit_list_by_location") { Columns = ["location_id", "occurred_at DESC", "visit_id DESC"] });
        return t;
    }
}
