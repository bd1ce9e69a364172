using IdoPlatform.BuildingBlocks.Messaging.Inbox;
using MassTransit;
using Npgsql;

namespace IdoPlatform.Referrals.Replica;

/// <summary>What both replica consumers do around their effect: the effect in the inbox's transaction, so a
/// redelivered message has no second effect.</summary>
public abstract class ReplicaConsumer(NpgsqlDataSource dataSource, string inboxName)
{
    protected async Task Handle(ConsumeContext context, Func<InboxTransaction, Task> effect)
    {
        await using var inbox = await Inbox.Begin(dataSource, inboxName, context.MessageId, context.CancellationToken);
        if (inbox is null) return;
        await effect(inbox);
        await inbox.Commit(context.CancellationToken);
    }
}
