using IdoPlatform.Monitoring.Storage.Cubes;
using IdoPlatform.Monitoring.Storage.Locations;
using IdoPlatform.Monitoring.Storage.Referrals;
using IdoPlatform.Monitoring.Storage.Visits;

namespace IdoPlatform.Monitoring.Storage.ReadModel;

/// <summary>
/// Everything the aggregate tables hold, in memory: a rebuild folds the whole log into this and bulk-loads
/// it; the live projection folds one batch into the part of it the batch touches. Same fold, same tables.
/// </summary>
public sealed class AggregateState
{
    public Dictionary<Guid, VisitFacts> Visits { get; } = new();
    public Dictionary<Guid, ReferralOutcome> Referrals { get; } = new();
    public Dictionary<string, IdoLocation> Locations { get; } = new(StringComparer.Ordinal);

    public void Apply(object message)
    {
        if (VisitFactsEvolution.VisitIdOf(message) is { } visitId)
        {
            if (VisitFactsEvolution.Evolve(Visits.GetValueOrDefault(visitId), message) is { } visit)
                Visits[visitId] = visit;
        }
        else if (ReferralOutcomeEvolution.ReferralIdOf(message) is { } referralId)
        {
            if (ReferralOutcomeEvolution.Evolve(Referrals.GetValueOrDefault(referralId), message) is { } referral)
                Referrals[referralId] = referral;
        }
        else if (IdoLocationEvolution.LocationIdOf(message) is { } locationId)
        {
            if (IdoLocationEvolution.Evolve(Locations.GetValueOrDefault(locationId), message) is { } location)
                Locations[locationId] = location;
        }
    }

    /// <summary>Every cube's cells as the visits now stand.</summary>
    public Dictionary<CubeDefinition, Dictionary<CubeKey, CubeCounts>> CubeCells() =>
        CubeCatalogue.All.ToDictionary(c => c, CubeCells);

    /// <summary>One cube's cells as the visits now stand (safe to run for several cubes at once: it only reads).</summary>
    public Dictionary<CubeKey, CubeCounts> CubeCells(CubeDefinition cube)
    {
        var cells = new Dictionary<CubeKey, CubeCounts>();
        foreach (var visit in Visits.Values)
            CubeContributions.AddTo(cells, cube, visit, +1);
        return cells;
    }
}
