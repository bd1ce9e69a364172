using IdoPlatform.Contracts.Offers;
using IdoPlatform.Contracts.Referrals;
using IdoPlatform.Contracts.Registrations;
using MassTransit;

namespace IdoPlatform.Monitoring.EventLog;

/// <summary>Records whatever it hears; counting happens later, from the log.</summary>
public abstract class RecordingConsumer(MessageRecorder recorder)
{
    // Never cancelled when the bus stops: a failure during shutdown would be retried against a disposed
    // host and end in the _error queue, so the recorder finishes what it was given.
    protected Task Record<T>(ConsumeContext<T> context) where T : class =>
        recorder.Record(context.MessageId ?? Guid.Empty, context.Message, context.CorrelationId?.ToString());
}

public sealed class VisitMessagesConsumer(MessageRecorder recorder) : RecordingConsumer(recorder),
    IConsumer<VisitRegistered>, IConsumer<VisitCorrected>, IConsumer<VisitVoided>
{
    public Task Consume(ConsumeContext<VisitRegistered> context) => Record(context);
    public Task Consume(ConsumeContext<VisitCorrected> context) => Record(context);
    public Task Consume(ConsumeContext<VisitVoided> context) => Record(context);
}

public sealed class ReferralMessagesConsumer(MessageRecorder recorder) : RecordingConsumer(recorder),
    IConsumer<ReferralIssued>, IConsumer<ReferralArrived>, IConsumer<ReferralArrivalReversed>, IConsumer<ReferralExpired>,
    IConsumer<ReferralCancelled>
{
    public Task Consume(ConsumeContext<ReferralIssued> context) => Record(context);
    public Task Consume(ConsumeContext<ReferralArrived> context) => Record(context);
    public Task Consume(ConsumeContext<ReferralArrivalReversed> context) => Record(context);
    public Task Consume(ConsumeContext<ReferralExpired> context) => Record(context);
    public Task Consume(ConsumeContext<ReferralCancelled> context) => Record(context);
}

public sealed class LocationMessagesConsumer(MessageRecorder recorder) : RecordingConsumer(recorder),
    IConsumer<LocationRegistered>, IConsumer<LocationChanged>, IConsumer<LocationClosed>
{
    public Task Consume(ConsumeContext<LocationRegistered> context) => Record(context);
    public Task Consume(ConsumeContext<LocationChanged> context) => Record(context);
    public Task Consume(ConsumeContext<LocationClosed> context) => Record(context);
}

/// <summary>Offers are recorded too (the log holds everything heard), though no table counts them yet.</summary>
public sealed class OfferMessagesConsumer(MessageRecorder recorder) : RecordingConsumer(recorder),
    IConsumer<OfferPublished>, IConsumer<OfferChanged>, IConsumer<OfferWithdrawn>
{
    public Task Consume(ConsumeContext<OfferPublished> context) => Record(context);
    public Task Consume(ConsumeContext<OfferChanged> context) => Record(context);
    public Task Consume(ConsumeContext<OfferWithdrawn> context) => Record(context);
}
