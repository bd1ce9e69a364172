using IdoPlatform.BuildingBlocks.Messaging.Inbox;
using IdoPlatform.Contracts.Queues;
using IdoPlatform.Contracts.Offers;
using IdoPlatform.Registrations.Storage;
using MassTransit;
using Npgsql;

namespace IdoPlatform.Registrations.Locations;

/// <summary>Keeps the location replica from the offers service's events. Idempotent: the inbox record
/// and the replica change commit together, so a redelivered message changes nothing.</summary>
public sealed class LocationEventsConsumer(NpgsqlDataSource dataSource, LocationReplica replica) :
    IConsumer<LocationRegistered>, IConsumer<LocationChanged>, IConsumer<LocationClosed>
{
    private static readonly string Name = ConsumerEndpoints.RegistrationsLocations.QueueName;

    public Task Consume(ConsumeContext<LocationRegistered> context) =>
        Once(context, context.Message.Location.LocationId,
            (c, tx, ct) => LocationReplica.ApplyDetails(c, tx, context.Message.Location, context.Message.OccurredAt, ct));

    public Task Consume(ConsumeContext<LocationChanged> context) =>
        Once(context, context.Message.Location.LocationId,
            (c, tx, ct) => LocationReplica.ApplyDetails(c, tx, context.Message.Location, context.Message.OccurredAt, ct));

    public Task Consume(ConsumeContext<LocationClosed> context) =>
        Once(context, context.Message.LocationId, (c, tx, ct) => LocationReplica.ApplyClosure(c, tx, context.Message, ct));

    private async Task Once(ConsumeContext context, string locationId,
        Func<NpgsqlConnection, NpgsqlTransaction, CancellationToken, Task> effect)
    {
        await using var inbox = await Inbox.Begin(dataSource, Name, context.MessageId, context.CancellationToken);
        if (inbox is null) return;
        await effect(inbox.Connection, inbox.Transaction, context.CancellationToken);
        await inbox.Commit(context.CancellationToken);
        replica.Forget(locationId);
    }
}
