using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Offers.Domain;
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
public sealed class OffersSeeder(IEventStore store, Pc4Lookup postcodes, TimeProvider clock,
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
            var code = request.Code!;
            var streamId = OfferType.StreamId(code);
            var current = await store.AggregateStream<OfferType?>(streamId, null, OfferType.Evolve, ct);
            // A type changed through the API keeps its change: the seed only counts when it says it is newer.
            var decision = current is { State: { } existing }
                ? seedVersion > existing.Current.Version
                    ? OfferTypeDecisions.Revise(existing, definition!.Name, definition.Description, definition.Defaults)
                    : Decision.Unchanged
                : OfferTypeDecisions.Define(null, code, definition!.Name, definition.Description, definition.Defaults);
            await Write(streamId, OfferType.StreamType, current?.Version, decision, ct);
            types[code] = decision.Events.Aggregate(current?.State, OfferType.Evolve)!;
        }
        return types;
    }

    private async Task<(int Organisations, IReadOnlyDictionary<string, Location> Locations)> SeedLibraries(string seedsFolder, CancellationToken ct)
    {
        var organisations = SeedFiles.Organisations(seedsFolder);
        foreach (var o in organisations)
        {
            var current = await store.AggregateStream<Organisation?>(o.Id, null, Organisation.Evolve, ct);
            if (current is null)
                await Write(o.Id, Organisation.StreamType, null, OrganisationDecisions.Register(null, o.Id, o.Number, SeedFiles.Facts(o)), ct);
        }

        var names = organisations.ToDictionary(o => o.Id, o => o.Name);
        var locations = new Dictionary<string, Location>();
        foreach (var seed in SeedFiles.Locations(seedsFolder))
        {
            var (facts, errors) = seed.Request.Validate(postcodes);
            Fail(errors.Errors, $"demo-libraries.json '{seed.LocationId}'");
            var organisationId = seed.Request.OrganisationId!.Value;
            var streamId = LocationId.StreamId(seed.LocationId);
            var current = await store.AggregateStream<Location?>(streamId, null, Location.Evolve, ct);
            if (current is { State: { } existing })
            {
                locations[seed.LocationId] = existing;
                continue;
            }
            var decision = LocationDecisions.Register(null, seed.LocationId, organisationId, names[organisationId], facts!);
            await Write(streamId, Location.StreamType, null, decision, ct);
            locations[seed.LocationId] = decision.Events.Aggregate((Location?)null, Location.Evolve)!;
        }
        return (organisations.Count, locations);
    }

    private async Task<int> SeedOffers(string seedsFolder, IReadOnlyDictionary<string, OfferType> types,
        IReadOnlyDictionary<string, Location> locations, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var count = 0;
        foreach (var seed in SeedFiles.Offers(seedsFolder))
        {
            if (await store.AggregateStream<Offer?>(seed.OfferId, null, Offer.Evolve, ct) is not null) continue;
            var context = new OfferValidationContext(seed.Request.OrganisationId, types.GetValueOrDefault(seed.Request.OfferType ?? ""), locations);
            var (content, errors) = seed.Request.Validate(context);
            Fail(errors.Errors, $"demo-offers.json '{seed.OfferId}'");

            var drafted = OfferDecisions.Draft(null, seed.OfferId, seed.Request.OrganisationId!.Value, content!);
            var events = drafted.Events.ToList();
            if (seed.Publish)
            {
                var published = OfferDecisions.Publish(drafted.Events.Aggregate((Offer?)null, Offer.Evolve)!, today, []);
                events.AddRange(published.Events); // an expired demo offer simply stays a draft
            }
            await Write(seed.OfferId, Offer.StreamType, null, Decision.Accept([.. events]), ct);
            count++;
        }
        return count;
    }

    /// <summary>Starts or appends; another instance seeding at the same moment wins the race harmlessly.</summary>
    private async Task Write(Guid streamId, string streamType, long? version, Decision decision, CancellationToken ct)
    {
        if (decision.IsRejected || decision.Events.Count == 0) return;
        try
        {
            if (version is { } v) await store.Append(streamId, v, decision.Events, AppendContext.System, ct);
            else await store.StartStream(streamType, streamId, decision.Events, AppendContext.System, ct);
        }
        catch (ConcurrencyException)
        {
            logger.LogInformation("Seed stream {StreamId} was written by another instance meanwhile.", streamId);
        }
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
