using System.Reflection;
using IdoPlatform.Contracts.Queues;
using MassTransit;
using MassTransit.Configuration;

namespace IdoPlatform.BuildingBlocks.Messaging.Topology;

/// <summary>
/// Puts each catalogue <see cref="RoutingFilter"/>'s header on every published message it applies to, whoever
/// publishes it (the relay, a test), so the broker routes it to the filtered queue.
/// </summary>
static class RoutingHeaders
{
    public static void StampOnPublish(IPublishPipeConfigurator publish, IEnumerable<ConsumerEndpoint> catalogue)
    {
        foreach (var endpoint in catalogue)
            if (endpoint.OnlyWith is { } filter)
                foreach (var messageType in endpoint.MessageTypes)
                    typeof(RoutingHeaders).GetMethod(nameof(Stamp), BindingFlags.NonPublic | BindingFlags.Static)!
                        .MakeGenericMethod(messageType)
                        .Invoke(null, [publish, filter]);
    }

    static void Stamp<T>(IPublishPipeConfigurator publish, RoutingFilter filter) where T : class =>
        publish.AddPipeSpecification(new StampFilter<T>(filter));

    sealed class StampFilter<T>(RoutingFilter filter) : IFilter<PublishContext<T>>, IPipeSpecification<PublishContext<T>>
        where T : class
    {
        public Task Send(PublishContext<T> context, IPipe<PublishContext<T>> next)
        {
            if (filter.Applies(context.Message)) context.Headers.Set(filter.Header, RoutingFilter.Present);
            return next.Send(context);
        }

        public void Probe(ProbeContext context) => context.CreateFilterScope("routing-header");

        public void Apply(IPipeBuilder<PublishContext<T>> builder) => builder.AddFilter(this);

        public IEnumerable<ValidationResult> Validate() => [];
    }
}
