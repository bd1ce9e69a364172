using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Referrals.Features.Referrals;
using Weasel.Postgresql.Tables;

namespace IdoPlatform.Referrals.Storage;

/// <summary>The service's own read-model and replica tables. Marten creates and migrates them in its schema step at
/// start-up, before the daemon, the consumers and the demo seeder start.</summary>
public static class ReferralsTables
{
    public static Table[] All() => [Referrals(), ReferralProfiles(), ReplicaLocations(), ReplicaOffers(), VisitsHeard()];

    private static Table Referrals()
    {
        var t = ServiceTables.Named("referrals_read");
        t.AddColumn("id", "uuid").AsPrimaryKey();
        t.AddColumn("code", "text").NotNull();
        t.AddColumn("agency", "text").NotNull();
        t.AddColumn("topic", "text").NotNull();
        t.AddColumn("location_id", "text").NotNull();
        t.AddColumn("organisation_id", "uuid").NotNull();
        t.AddColumn("method", "text").NotNull();
        t.AddColumn("status", "text").NotNull();
        t.AddColumn("issued_at", "timestamptz").NotNull();
        t.AddColumn("expires_at", "timestamptz").NotNull();
        t.AddColumn("ended_at", "timestamptz");
        t.AddColumn("visit_id", "uuid");
        t.AddColumn("ignored_arrivals", "int").NotNull().DefaultValue(0);
        t.AddColumn("version", "bigint").NotNull();
        // Issuing retries with a new code when a violation names this index (the earlier DDL's constraint name).
        t.Indexes.Add(new IndexDefinition(ReferralReadProjection.CodeConstraint) { IsUnique = true, Columns = ["code"] });
        t.Indexes.Add(new IndexDefinition("referrals_read_by_agency") { Columns = ["agency", "issued_at", "id"] });
        t.Indexes.Add(new IndexDefinition("referrals_read_open") { Columns = ["expires_at"], Predicate = "status = 'issued'" });
        // A void or correction looks up the referral its visit arrived at.
        t.Indexes.Add(new IndexDefinition("referrals_read_by_visit") { Columns = ["visit_id"], Predicate = "visit_id IS NOT NULL" });
        return t;
    }

    /// <summary>The newest version heard of each visit that reached the visit consumer (<see cref="VisitsHeard"/>).</summary>
    private static Table VisitsHeard()
    {
        var t = ServiceTables.Named(Storage.VisitsHeard.TableName);
        t.AddColumn("visit_id", "uuid").AsPrimaryKey();
        t.AddColumn("version", "int").NotNull();
        return t;
    }

    private static Table ReferralProfiles()
    {
        var t = ServiceTables.Named("referral_profiles_read");
        t.AddColumn("agency", "text").AsPrimaryKey();
        t.AddColumn("version", "bigint").NotNull();
        t.AddColumn("revised_at", "timestamptz").NotNull();
        t.AddColumn("topics", "jsonb").NotNull();
        return t;
    }

    private static Table ReplicaLocations()
    {
        var t = ServiceTables.Named("replica_locations");
        t.AddColumn("location_id", "text").AsPrimaryKey();
        t.AddColumn("organisation_id", "uuid").NotNull();
        t.AddColumn("details", "jsonb");
        t.AddColumn("has_ido", "boolean").NotNull().DefaultValueByExpression("false");
        t.AddColumn("visible", "boolean").NotNull().DefaultValueByExpression("false");
        t.AddColumn("closed_on", "date");
        t.AddColumn("occurred_at", "timestamptz").NotNull();
        return t;
    }

    private static Table ReplicaOffers()
    {
        var t = ServiceTables.Named("replica_offers");
        t.AddColumn("offer_id", "uuid").AsPrimaryKey();
        t.AddColumn("organisation_id", "uuid").NotNull();
        t.AddColumn("location_ids", "text[]").NotNull();
        t.AddColumn("details", "jsonb");
        t.AddColumn("withdrawn", "boolean").NotNull().DefaultValueByExpression("false");
        t.AddColumn("occurred_at", "timestamptz").NotNull();
        t.Indexes.Add(new IndexDefinition("replica_offers_locations") { Columns = ["location_ids"], Method = IndexMethod.gin });
        return t;
    }
}
