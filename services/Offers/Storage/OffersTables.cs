using IdoPlatform.BuildingBlocks.EventStore;
using Weasel.Postgresql.Tables;

namespace IdoPlatform.Offers.Storage;

/// <summary>The read-model tables. Marten creates and migrates them in its schema step at start-up, before
/// seeding, the daemon or any request.</summary>
public static class OffersTables
{
    public static Table[] All() => [Organisations(), Locations(), OfferTypes(), OfferTypeStreams(), Offers()];

    private static Table Organisations()
    {
        var t = ServiceTables.Named("offers_organisations");
        t.AddColumn("id", "uuid").AsPrimaryKey();
        t.AddColumn("number", "text").NotNull();
        t.AddColumn("name", "text").NotNull();
        t.AddColumn("kind", "text").NotNull();
        t.AddColumn("visible", "boolean").NotNull();
        t.AddColumn("version", "bigint").NotNull();
        // The name PostgreSQL gave the UNIQUE constraint of the earlier DDL; a taken number is a 409.
        t.Indexes.Add(new IndexDefinition("offers_organisations_number_key") { IsUnique = true, Columns = ["number"] });
        return t;
    }

    // Plain latitude/longitude columns: a bounding-box pre-filter in SQL and the exact haversine in
    // memory is fast enough for the thousands of locations the country has, and fully deterministic.
    private static Table Locations()
    {
        var t = ServiceTables.Named("offers_locations");
        t.AddColumn("location_id", "text").AsPrimaryKey();
        t.AddColumn("organisation_id", "uuid").NotNull();
        t.AddColumn("organisation_name", "text").NotNull();
        t.AddColumn("kind", "text").NotNull();
        t.AddColumn("municipality_code", "text").NotNull();
        t.AddColumn("province", "text").NotNull();
        t.AddColumn("latitude", "double precision").NotNull();
        t.AddColumn("longitude", "double precision").NotNull();
        t.AddColumn("has_ido", "boolean").NotNull();
        t.AddColumn("visible", "boolean").NotNull();
        t.AddColumn("closed_on", "date");
        t.AddColumn("facts", "jsonb").NotNull();
        t.AddColumn("version", "bigint").NotNull();
        t.Indexes.Add(new IndexDefinition("offers_locations_position")
        {
            Columns = ["latitude", "longitude"],
            Predicate = "visible AND closed_on IS NULL",
        });
        t.Indexes.Add(new IndexDefinition("offers_locations_organisation") { Columns = ["organisation_id"] });
        return t;
    }

    private static Table OfferTypes()
    {
        var t = ServiceTables.Named("offers_offer_types");
        t.AddColumn("code", "text").AsPrimaryKey();
        t.AddColumn("version", "int").AsPrimaryKey();
        t.AddColumn("definition", "jsonb").NotNull();
        return t;
    }

    private static Table OfferTypeStreams()
    {
        var t = ServiceTables.Named("offers_offer_type_streams");
        t.AddColumn("code", "text").AsPrimaryKey();
        t.AddColumn("current_version", "int").NotNull();
        t.AddColumn("stream_version", "bigint").NotNull();
        return t;
    }

    private static Table Offers()
    {
        var t = ServiceTables.Named("offers_offers");
        t.AddColumn("offer_id", "uuid").AsPrimaryKey();
        t.AddColumn("organisation_id", "uuid").NotNull();
        t.AddColumn("status", "text").NotNull();
        t.AddColumn("offer_type_code", "text").NotNull();
        t.AddColumn("walk_in", "boolean").NotNull();
        t.AddColumn("themes", "text[]").NotNull();
        t.AddColumn("target_groups", "text[]").NotNull();
        t.AddColumn("location_ids", "text[]").NotNull();
        t.AddColumn("content", "jsonb").NotNull();
        t.AddColumn("version", "bigint").NotNull();
        t.Indexes.Add(new IndexDefinition("offers_offers_locations")
        {
            Columns = ["location_ids"],
            Method = IndexMethod.gin,
            Predicate = "status = 'published'",
        });
        t.Indexes.Add(new IndexDefinition("offers_offers_organisation") { Columns = ["organisation_id"] });
        return t;
    }
}
