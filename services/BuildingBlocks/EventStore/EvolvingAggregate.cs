using JasperFx.Events;
using Marten.Events.Aggregation;

namespace IdoPlatform.BuildingBlocks.EventStore;

/// <summary>Marten's live aggregation of a stream, by the service's own pure evolve function.</summary>
internal sealed class EvolvingAggregate<T>(Func<T?, object, T?> evolve) : SingleStreamProjection<T, Guid> where T : class
{
    public override T? Evolve(T? snapshot, Guid id, IEvent e) => evolve(snapshot, e.Data);
}
