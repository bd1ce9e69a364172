using IdoPlatform.Referrals.Storage;
using IdoPlatform.Testing.EventStore;

namespace IdoPlatform.Referrals.Tests.Integration;

/// <summary>The declared tables against the DDL script that created them until they were declared to Marten.</summary>
public sealed class TablesTests
{
    // The script as it was last shipped (kept here, frozen): databases it created exist.
    private const string OldScript = """
        CREATE TABLE IF NOT EXISTS referrals_read (
            id               uuid PRIMARY KEY,
            code             text        NOT NULL,
            agency           text        NOT NULL,
            topic            text        NOT NULL,
            location_id      text        NOT NULL,
            organisation_id  uuid        NOT NULL,
            method           text        NOT NULL,
            status           text        NOT NULL,
            issued_at        timestamptz NOT NULL,
            expires_at       timestamptz NOT NULL,
            ended_at         timestamptz,
            visit_id         uuid,
            ignored_arrivals int         NOT NULL DEFAULT 0,
            version          bigint      NOT NULL,
            CONSTRAINT referrals_read_code_unique UNIQUE (code)
        );
        CREATE INDEX IF NOT EXISTS referrals_read_by_agency ON referrals_read (agency, issued_at, id);
        CREATE INDEX IF NOT EXISTS referrals_read_open ON referrals_read (expires_at) WHERE status = 'issued';

        CREATE TABLE IF NOT EXISTS referral_profiles_read (
            agency     text PRIMARY KEY,
            version    bigint      NOT NULL,
            revised_at timestamptz NOT NULL,
            topics     jsonb       NOT NULL
        );

        CREATE TABLE IF NOT EXISTS replica_locations (
            location_id     text PRIMARY KEY,
            organisation_id uuid             NOT NULL,
            details         jsonb,
            has_ido         boolean          NOT NULL DEFAULT false,
            visible         boolean          NOT NULL DEFAULT false,
            closed_on       date,
            occurred_at     timestamptz      NOT NULL
        );

        CREATE TABLE IF NOT EXISTS replica_offers (
            offer_id        uuid PRIMARY KEY,
            organisation_id uuid        NOT NULL,
            location_ids    text[]      NOT NULL,
            details         jsonb,
            withdrawn       boolean     NOT NULL DEFAULT false,
            occurred_at     timestamptz NOT NULL
        );
        CREATE INDEX IF NOT EXISTS replica_offers_locations ON replica_offers USING gin (location_ids);
        """;

    [Fact]
    public async Task Tables_the_old_script_created_migrate_only_the_index_reversed_arrivals_added()
    {
        // visits_heard came after the script (nothing old to compare it with).
        var comparison = await DeclaredTables.CompareWithScript(OldScript,
            () => ReferralsTables.All().Where(t => t.Identifier.Name != VisitsHeard.TableName).ToArray());

        // Reversing an arrival finds the referral by its visit: that index is added at start-up, nothing else changes.
        var migration = Assert.Single(comparison.Migration);
        Assert.StartsWith("public.referrals_read: Update", migration);
        Assert.Contains("referrals_read_by_visit", migration);
        Assert.DoesNotContain("column", migration, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(comparison.DeclaredCatalog, comparison.MigratedCatalog);
        Assert.Equal(Without(comparison.ScriptCatalog), Without(comparison.DeclaredCatalog));
    }

    private static string Without(string catalog) =>
        string.Join("\n", catalog.Split('\n').Where(line => !line.Contains("referrals_read_by_visit")));
}
