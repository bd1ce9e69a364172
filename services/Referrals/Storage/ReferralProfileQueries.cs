using System.Text.Json;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Referrals.Features.ReferralProfiles;
using Npgsql;

namespace IdoPlatform.Referrals.Storage;

public sealed record StoredProfile(string Agency, long Version, DateTimeOffset? RevisedAt, IReadOnlyList<TopicGuidance> Topics);

public sealed class ReferralProfileQueries(NpgsqlDataSource dataSource)
{
    /// <summary>Every agency that has a profile, in agency-code order.</summary>
    public async Task<IReadOnlyList<StoredProfile>> All(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT agency, version, revised_at, topics FROM referral_profiles_read ORDER BY agency");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var profiles = new List<StoredProfile>();
        while (await reader.ReadAsync(ct)) profiles.Add(Read(reader));
        return profiles;
    }

    /// <summary>The agency's profile; version 0 and no topics when it never published one.</summary>
    public async Task<StoredProfile> Of(string agency, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            "SELECT agency, version, revised_at, topics FROM referral_profiles_read WHERE agency = $1");
        command.Parameters.AddWithValue(agency);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? Read(reader) : new StoredProfile(agency, 0, null, []);
    }

    private static StoredProfile Read(NpgsqlDataReader reader) => new(
        reader.GetString(0), reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2),
        JsonSerializer.Deserialize<List<TopicGuidance>>(reader.GetString(3), EventTypeRegistry.Json)!);
}
