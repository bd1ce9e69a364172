using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Messaging.Inbox;
using IdoPlatform.Contracts.Registrations;
using IdoPlatform.Referrals.Features.Referrals;
using MassTransit;
using Npgsql;
using IdoPlatform.Contracts.Codes;

using IdoPlatform.Referrals.Storage;

namespace IdoPlatform.Referrals.Features.RecordArrival;

/// <summary>
/// Sees a referral arrive: a registered visit carrying its code. A correction that adds a code the desk
/// forgot counts the same way. A voided visit changes nothing here: the citizen did come.
/// The broker brings only visits that carry a code (<see cref="VisitRouting.CarriesReferralCode"/>); the check
/// below still holds for a broker bound before that filter existed.
/// The append and the inbox record are separate transactions; <see cref="RecordArrival.Decide"/> ignores a
/// visit it has already seen, so a redelivery after a crash between the two still has no second effect.
/// </summary>
public sealed class VisitConsumer(
    EventStreams streams,
    NpgsqlDataSource dataSource,
    ReferralQueries queries,
    ILogger<VisitConsumer> logger) :
    IConsumer<VisitRegistered>, IConsumer<VisitCorrected>, IConsumer<VisitVoided>
{
    public const string InboxName = "referrals-visits";

    public Task Consume(ConsumeContext<VisitRegistered> context) => Arrive(context, context.Message.Visit);

    public Task Consume(ConsumeContext<VisitCorrected> context) => Arrive(context, context.Message.Visit);

    public Task Consume(ConsumeContext<VisitVoided> context) => Task.CompletedTask;

    private async Task Arrive(ConsumeContext context, VisitSnapshot visit)
    {
        if (visit.ReferralCode is null) return;
        var code = ReferralCodes.Normalize(visit.ReferralCode);
        if (code is null)
        {
            logger.LogInformation("Visit {VisitId} carries a malformed referral code; ignored", visit.VisitId);
            return;
        }

        await using var inbox = await Inbox.Begin(dataSource, InboxName, context.MessageId, context.CancellationToken);
        if (inbox is null) return;

        var referral = await queries.ByCode(code, context.CancellationToken);
        if (referral is null)
            logger.LogInformation("Visit {VisitId} carries unknown referral code; ignored", visit.VisitId);
        else
        {
            var append = new AppendContext(InboxName, context.CorrelationId?.ToString(), context.MessageId?.ToString());
            var arrival = new VisitWithCode(visit.VisitId, visit.LocationId, visit.OccurredAt);
            // Safe to decide again after losing a race (with the sweep, a cancel): a visit already seen changes nothing.
            await streams.Change<Referral>(referral.Id, state => Decision.Accept(RecordArrival.Decide(state, arrival)), append,
                context.CancellationToken, attempts: 5);
        }
        await inbox.Commit(context.CancellationToken);
    }
}
