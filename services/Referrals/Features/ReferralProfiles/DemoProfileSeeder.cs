using System.Text.Json;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Referrals.Features.Catalogue;
using IdoPlatform.Referrals.Features.ReviseReferralProfile;
using Revision = IdoPlatform.Referrals.Features.ReviseReferralProfile.ReviseReferralProfile;
using IdoPlatform.BuildingBlocks.Hosting;

namespace IdoPlatform.Referrals.Features.ReferralProfiles;

/// <summary>
/// Loads seeds/referral-profiles.json when <c>Seeds:LoadDemo</c> is true. Idempotent: profile streams
/// have ids derived from the agency code and an unchanged profile appends nothing, so a second run writes nothing.
/// </summary>
public sealed class DemoProfileSeeder(
    IConfiguration configuration,
    EventStreams streams,
    AgencyCatalogue agencies,
    TimeProvider clock,
    ILogger<DemoProfileSeeder> logger) : IHostedService
{
    public const string FileName = "referral-profiles.json";
    private static readonly AppendContext Context = new("seed");

    private sealed record SeedProfile(string Agency, List<TopicGuidanceRequest> Topics);
    private sealed record SeedFile(int Version, string? Description, List<SeedProfile> Profiles);

    public async Task StartAsync(CancellationToken ct)
    {
        if (!configuration.GetValue<bool>("Seeds:LoadDemo")) return;
        var path = Path.Combine(RepositoryPaths.SeedsFolder(configuration), FileName);
        if (!File.Exists(path)) return;
        var appended = await Seed(path, ct);
        logger.LogInformation("Demo referral profiles: {Count} revised", appended);
    }

    public async Task<int> Seed(string path, CancellationToken ct)
    {
        var file = JsonSerializer.Deserialize<SeedFile>(await File.ReadAllTextAsync(path, ct), ApiJson.CreateOptions())
                   ?? throw new InvalidOperationException($"{path} is empty.");
        var appended = 0;
        foreach (var seed in file.Profiles)
        {
            if (!agencies.IsKnown(seed.Agency))
                throw new InvalidOperationException($"{path}: unknown agency '{seed.Agency}'.");
            var (topics, errors) = ReferralProfileValidation.Validate(new ReviseReferralProfileRequest(seed.Topics));
            if (errors.Count > 0)
                throw new InvalidOperationException($"{path}: profile of '{seed.Agency}' is invalid: " +
                    string.Join("; ", errors.Select(e => $"{e.Name}: {e.Reason}")));

            // Replicas may seed at once: deciding again on the other's revision then appends nothing.
            var written = await streams.Change<ReferralProfile>(ReferralProfile.StreamId(seed.Agency),
                state => Decision.Accept(Revision.Decide(state, topics, clock.GetUtcNow())), Context, ct,
                attempts: 3, initial: ReferralProfile.Empty(seed.Agency));
            if (written.Status == WriteStatus.Appended) appended++;
        }
        return appended;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
