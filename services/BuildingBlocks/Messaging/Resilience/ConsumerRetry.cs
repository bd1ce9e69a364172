using IdoPlatform.BuildingBlocks.Hosting;
using MassTransit;

namespace IdoPlatform.BuildingBlocks.Messaging.Resilience;

/// <summary>
/// How a consumer endpoint retries: a failure of the message itself a few quick times, then the
/// <c>_error</c> queue; a <see cref="TransientFailure"/> for as long as it lasts, backing off up to
/// <see cref="MessagingOptions.TransientRetryMaxInterval"/>. The message stays unacknowledged meanwhile,
/// so the endpoint takes no more than its prefetch and the rest wait in the queue.
/// </summary>
public static class ConsumerRetry
{
    public static void UseConsumerRetry(this IConsumePipeConfigurator endpoint, MessagingOptions options)
    {
        // Outer: the outage. The inner policy ignores transient failures, so they reach this one at once,
        // and it runs the inner one afresh on each attempt.
        endpoint.UseMessageRetry(r =>
        {
            r.Handle<Exception>(TransientFailure.Is);
            r.Exponential(int.MaxValue, options.TransientRetryMinInterval, options.TransientRetryMaxInterval,
                options.TransientRetryMinInterval);
        });
        // Inner: the message. Once these retries are spent MassTransit marks the failure as handled and the
        // outer policy lets it go to the error queue.
        endpoint.UseMessageRetry(r =>
        {
            r.Ignore<Exception>(TransientFailure.Is);
            r.Intervals(options.RetryIntervals);
        });
    }
}
