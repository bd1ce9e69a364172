using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Features.Offers;
using IdoPlatform.Offers.Features.OfferTypes;
using IdoPlatform.Offers.Features.Organisations;
using IdoPlatform.BuildingBlocks.Geo;
using IdoPlatform.BuildingBlocks.Hosting;

namespace IdoPlatform.Offers.Seeding;

/// <summary>
/// Loads the offer types always and the demo libraries and offers when <c>Seeds:LoadDemo</c> is true,
/// through the same decisions as the API. Stream ids are fixed (seeded ids, location ids, type codes),
/// so a second run, or a second replica at the same time, appends nothing. A seed that does not
/// validate stops the start-up: seeds are ours and must be right.
/// </summary>
public sealed class OffersSeeder(EventStreams streams, Pc4Lookup postcodes, TimeProvider clock,
    ILogger<OffersSeeder> logger)
{
    public async Task Run(string seedsFolder, bool loadDemo, CancellationToken ct)
    {
        var types = await SeedOfferTypes(seedsFolder, ct);
        if (!loadDemo) return;
        var (organisations, locations) = await SeedLibraries(seedsFolder, ct);
        var offers = await SeedOffers(seedsFolder, types, locations, ct);
        logger.LogInformation("Demo seeded: {Organisations} organisations, {Locations} locations, {Offers} offers (new events only).",
            organisations, locations.Count, offers);
    }

    private async Task<IReadOnlyDictionary<string, OfferType>> SeedOfferTypes(string seedsFolder, CancellationToken ct)
    {
        var types = new Dictionary<string, OfferType>();
        foreach (var (seedVersion, request) in SeedFiles.OfferTypes(seedsFolder))
        {
            var (definition, errors) = request.Validate(requireCode: true);
            Fail(errors.Errors, $"offer-types.json '{request.Code}'");
            var (code, name, description, defaults) = (request.Code!, definition!.Name, definition.Description, definition.Defaults);
            // A type changed through the API keeps its change: the seed only counts when it says it is newer.
            types[code] = await Seed<OfferType>(OfferType.StreamId(code),
                () => OfferTypeDecisions.Define(null, code, name, description, defaults),
                existing => seedVersion > existing.Current.Version
                    ? OfferTypeDecisions.Revise(existing, name, description, defaults)
                    : Decision.Unchanged, ct);
        }
        return types;
    }

    private async Task<(int Organisations, IReadOnlyDictionary<string, Location> Locations)> SeedLibraries(string seedsFolder, CancellationToken ct)
    {
        var organisations = SeedFiles.Organisations(seedsFolder);
        foreach (var o in organisations)
            await Seed<Organisation>(o.Id, () => OrganisationDecisions.Register(null, o.Id, o.Number, SeedFiles.Facts(o)), Kept, ct);

        var names = organisations.ToDictionary(o => o.Id, o => o.Name);
        var locations = new Dictionary<string, Location>();
        foreach (var seed in SeedFiles.Locations(seedsFolder))
        {
            var (facts, errors) = seed.Request.Validate(postcodes);
            Fail(errors.Errors, $"demo-libraries.json '{seed.LocationId}'");
            var organisationId = seed.Request.OrganisationId!.Value;
            locations[seed.LocationId] = await Seed<Location>(LocationId.StreamId(seed.LocationId),
                () => LocationDecisions.Register(null, seed.LocationId, organisationId, names[organisationId], facts!), Kept, ct);
        }
        return (organisations.Count, locations);
    }

    private async Task<int> SeedOffers(string seedsFolder, IReadOnlyDictionary<string, OfferType> types,
        IReadOnlyDictionary<string, Location> locations, CancellationToken ct)
    {
        var today = DutchCalendar.Today(clock);
        var count = 0;
        foreach (var seed in SeedFiles.Offers(seedsFolder))
        {
            await Seed<Offer>(seed.OfferId, () =>
            {
                var context = new OfferValidationContext(seed.Request.OrganisationId, types.GetValueOrDefault(seed.Request.OfferType ?? ""), locations);
                var (content, errors) = seed.Request.Validate(context);
                Fail(errors.Errors, $"demo-offers.json '{seed.OfferId}'");
                var drafted = OfferDecisions.Draft(null, seed.OfferId, seed.Request.OrganisationId!.Value, content!);
                count++;
                if (!seed.Publish) return drafted;
                // An expired demo offer simply stays a draft.
                var published = OfferDecisions.Publish(streams.Fold<Offer>(null, drafted.Events)!, today, []);
                return Decision.Accept([.. drafted.Events, .. published.Events]);
            }, Kept, ct);
        }
        return count;
    }

    /// <summary>A seeded stream that exists already is kept as it is.</summary>
    private static Decision Kept<T>(T existing) => Decision.Unchanged;

    /// <summary>
    /// Starts the stream with what <paramref name="start"/> decides; when it exists (or another instance started it
    /// just now) lets <paramref name="change"/> decide on it as it is. Returns the stream's state.
    /// </summary>
    private async Task<T> Seed<T>(Guid id, Func<Decision> start, Func<T, Decision> change, CancellationToken ct) where T : class
    {
        if (await streams.Load<T>(id, ct) is null)
        {
            var decision = start();
            try
            {
                await streams.Start<T>(id, decision.Events, AppendContext.System, ct);
                return streams.Fold<T>(null, decision.Events)!;
            }
            catch (ConcurrencyException)
            {
                logger.LogInformation("Seed stream {StreamId} was started by another instance meanwhile.", id);
            }
        }
        // Deciding again on what is there is harmless, so a lost race is retried.
        var written = await streams.Change(id, change, AppendContext.System, ct, attempts: 3);
        return written.State!;
    }

    private static void Fail(IReadOnlyList<BuildingBlocks.Web.InvalidParam> errors, string what)
    {
        if (errors.Count > 0)
            throw new InvalidDataException($"Seed {what} is invalid: {string.Join("; ", errors.Select(e => $"{e.Name}: {e.Reason}"))}");
    }
}

/// <summary>Runs the seeder at start-up, before the service takes requests.</summary>
public sealed class OffersSeedStep(OffersSeeder seeder, IConfiguration configuration) : IHostedService
{
    public Task StartAsync(CancellationToken ct) =>
        seeder.Run(RepositoryPaths.SeedsFolder(configuration), configuration.GetValue("Seeds:LoadDemo", false), ct);

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
