using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Messaging.Inbox;
using IdoPlatform.Contracts.Codes;
using IdoPlatform.Contracts.Registrations;
using IdoPlatform.Referrals.Features.Referrals;
using IdoPlatform.Referrals.Features.ReverseArrival;
using IdoPlatform.Referrals.Storage;
using MassTransit;
using Npgsql;

namespace IdoPlatform.Referrals.Features.RecordArrival;

/// <summary>
/// Keeps each referral's arrival in step with the visit it came through. A visit carrying the code (registered, or
/// corrected to add it) makes the referral arrive. A void, or a correction to another code or none, reverses the
/// arrival it made: a voided registration is one the desk took back, so it must not count (monitoring counted it).
/// The broker brings registered visits that carry a code and every correction and void
/// (<see cref="VisitRouting.CarriesReferralCode"/>); the check below still holds for a broker bound before that.
/// An older message about a visit than one already handled changes nothing (<see cref="VisitsHeard"/>).
/// The appends and the inbox record are separate transactions; the decisions ignore what they already did, so a
/// redelivery after a crash between the two still has no second effect.
/// </summary>
public sealed class VisitConsumer(
    EventStreams streams,
    NpgsqlDataSource dataSource,
    ReferralQueries queries,
    ILogger<VisitConsumer> logger) :
    IConsumer<VisitRegistered>, IConsumer<VisitCorrected>, IConsumer<VisitVoided>
{
    public const string InboxName = "referrals-visits";

    public Task Consume(ConsumeContext<VisitRegistered> context) =>
        Follow(context, context.Message.Visit, CodeOf(context.Message.Visit),
            new ArrivalReversal(context.Message.Visit.VisitId, ArrivalReversedReasons.CodeCorrected, context.Message.RegisteredAt));

    public Task Consume(ConsumeContext<VisitCorrected> context) =>
        Follow(context, context.Message.Visit, CodeOf(context.Message.Visit),
            new ArrivalReversal(context.Message.Visit.VisitId, ArrivalReversedReasons.CodeCorrected, context.Message.CorrectedAt));

    public Task Consume(ConsumeContext<VisitVoided> context) =>
        Follow(context, context.Message.Visit, code: null,
            new ArrivalReversal(context.Message.Visit.VisitId, ArrivalReversedReasons.VisitVoided, context.Message.VoidedAt));

    /// <summary>Reverses any arrival through the visit at another code than <paramref name="code"/>, then lets the
    /// visit arrive at <paramref name="code"/> (none for a void).</summary>
    private async Task Follow(ConsumeContext context, VisitSnapshot visit, string? code, ArrivalReversal reversal)
    {
        var ct = context.CancellationToken;
        await using var inbox = await Inbox.Begin(dataSource, InboxName, context.MessageId, ct);
        if (inbox is null) return;

        if (!await VisitsHeard.IsNewest(inbox, visit.VisitId, visit.Version, ct))
            logger.LogInformation("Visit {VisitId} version {Version} is older than one handled; ignored", visit.VisitId, visit.Version);
        else
        {
            var append = new AppendContext(InboxName, context.CorrelationId?.ToString(), context.MessageId?.ToString());
            foreach (var arrived in await queries.ArrivedThrough(visit.VisitId, ct))
                if (arrived.Code != code)
                    await Change(arrived.Id, state => ReverseArrival.ReverseArrival.Decide(state, reversal), append, ct);
            if (code is not null) await Arrive(code, visit, append, ct);
        }
        await inbox.Commit(ct);
    }

    private async Task Arrive(string code, VisitSnapshot visit, AppendContext append, CancellationToken ct)
    {
        var referral = await queries.ByCode(code, ct);
        if (referral is null)
        {
            logger.LogInformation("Visit {VisitId} carries unknown referral code; ignored", visit.VisitId);
            return;
        }
        var arrival = new VisitWithCode(visit.VisitId, visit.LocationId, visit.OccurredAt);
        await Change(referral.Id, state => RecordArrival.Decide(state, arrival), append, ct);
    }

    // Safe to decide again after losing a race (with the sweep, a cancel, another visit): both decisions ignore what
    // already happened.
    private Task Change(Guid referralId, Func<Referral, IReadOnlyList<object>> decide, AppendContext append, CancellationToken ct) =>
        streams.Change<Referral>(referralId, state => Decision.Accept(decide(state)), append, ct, attempts: 5);

    private string? CodeOf(VisitSnapshot visit)
    {
        if (visit.ReferralCode is null) return null;
        var code = ReferralCodes.Normalize(visit.ReferralCode);
        if (code is null) logger.LogInformation("Visit {VisitId} carries a malformed referral code; ignored", visit.VisitId);
        return code;
    }
}
