using IdoPlatform.BuildingBlocks.Messaging;
using IdoPlatform.BuildingBlocks.Messaging.Topology;
using IdoPlatform.Contracts.Offers;
using IdoPlatform.Contracts.Queues;
using IdoPlatform.Contracts.Registrations;
using MassTransit;

namespace IdoPlatform.BuildingBlocks.Messaging.Tests.Unit;

public sealed class ConsumerEndpointTests
{
    [Theory]
    [InlineData("Monitoring-Visits")]
    [InlineData("monitoring_visits")]
    [InlineData("visits")]
    [InlineData("monitoring-visits-")]
    public void Queue_names_are_kebab_case_and_start_with_a_service_name(string name) =>
        Assert.Throws<ArgumentException>(() => new ConsumerEndpoint(name, typeof(VisitRegistered)));

    [Fact]
    public void An_endpoint_takes_at_least_one_message_type() =>
        Assert.Throws<ArgumentException>(() => new ConsumerEndpoint("monitoring-nothing"));

    [Fact]
    public void The_catalogue_names_each_queue_once_and_every_name_is_valid()
    {
        var names = ConsumerEndpoints.All.Select(e => e.QueueName).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(ConsumerEndpoints.All, e => Assert.True(e.MessageTypes.Count > 0));
    }

    [Fact]
    public void Every_integration_event_in_contracts_has_a_consumer_queue()
    {
        // The messages are the contract records that no other contract holds as a part (the queue catalogue
        // itself lives beside them).
        var records = typeof(VisitRegistered).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("IdoPlatform.Contracts.", StringComparison.Ordinal) == true)
            .Where(t => t.Namespace != typeof(ConsumerEndpoint).Namespace)
            .Where(t => t.IsClass && !t.IsAbstract && t.IsPublic)
            .ToList();
        var parts = records.SelectMany(t => t.GetProperties())
            .SelectMany(p => p.PropertyType.IsGenericType ? p.PropertyType.GetGenericArguments() : [p.PropertyType])
            .ToHashSet();
        var contracts = records.Where(t => !parts.Contains(t)).ToList();

        Assert.NotEmpty(contracts);
        Assert.All(contracts, t => Assert.Contains(ConsumerEndpoints.All, e => e.Takes(t)));
    }

    [Fact]
    public void Referrals_hears_registered_visits_that_carry_a_referral_code_every_correction_and_void_and_monitoring_hears_every_visit()
    {
        var referrals = ConsumerEndpoints.ReferralsVisits.OnlyWith!;
        var at = DateTimeOffset.UtcNow;

        Assert.True(referrals.Applies(new VisitRegistered(Visit("K7PM-Q2XD"), at)));
        Assert.True(referrals.Applies(new VisitCorrected(Visit("K7PM-Q2XD"), at)));
        Assert.True(referrals.Applies(new VisitVoided(Visit("K7PM-Q2XD"), at)));
        Assert.False(referrals.Applies(new VisitRegistered(Visit(null), at)));
        // A correction that took the code away, or a void after it, carries none but may reverse an arrival.
        Assert.True(referrals.Applies(new VisitCorrected(Visit(null), at)));
        Assert.True(referrals.Applies(new VisitVoided(Visit(null), at)));
        Assert.Null(ConsumerEndpoints.MonitoringVisits.OnlyWith);
    }

    static VisitSnapshot Visit(string? referralCode) =>
        new(Guid.NewGuid(), 1, "NL-000001-0001", Guid.NewGuid(), "GM0344", "Utrecht", "Utrecht", DateTimeOffset.UtcNow,
            "in-person", [new QuestionCodes("digid", "digital-government", "logius", "10-20", ["explained"], null, null)], referralCode);

    [Fact]
    public void A_service_consumes_only_from_its_own_queues()
    {
        var builder = new MessagingBuilder("referrals");

        var error = Assert.Throws<InvalidOperationException>(() =>
            builder.Consume<VisitsConsumer>(ConsumerEndpoints.MonitoringVisits));
        Assert.Contains("monitoring-visits", error.Message);
    }

    [Fact]
    public void A_consumer_of_a_type_its_endpoint_does_not_take_is_refused()
    {
        var builder = new MessagingBuilder("monitoring");

        var error = Assert.Throws<InvalidOperationException>(() =>
            builder.Consume<OfferConsumer>(ConsumerEndpoints.MonitoringVisits));
        Assert.Contains(nameof(OfferPublished), error.Message);
    }

    [Fact]
    public void An_endpoint_type_that_no_consumer_handles_is_refused()
    {
        var builder = new MessagingBuilder("monitoring");
        builder.Consume<VisitsConsumer>(ConsumerEndpoints.MonitoringVisits);
        var partial = new ConsumerEndpoint("monitoring-partial", typeof(VisitRegistered), typeof(VisitVoided));
        builder.Catalogue = [.. ConsumerEndpoints.All, partial];
        builder.Consume<VisitRegisteredOnly>(partial);

        var error = Assert.Throws<InvalidOperationException>(builder.Validate);
        Assert.Contains(nameof(VisitVoided), error.Message);
    }

    [Fact]
    public void An_endpoint_missing_from_the_catalogue_is_refused()
    {
        var builder = new MessagingBuilder("monitoring") { Catalogue = [ConsumerEndpoints.MonitoringOffers] };
        builder.Consume<VisitsConsumer>(ConsumerEndpoints.MonitoringVisits);

        var error = Assert.Throws<InvalidOperationException>(builder.Validate);
        Assert.Contains("not in the catalogue", error.Message);
    }

    sealed class VisitsConsumer : IConsumer<VisitRegistered>, IConsumer<VisitCorrected>, IConsumer<VisitVoided>
    {
        public Task Consume(ConsumeContext<VisitRegistered> context) => Task.CompletedTask;
        public Task Consume(ConsumeContext<VisitCorrected> context) => Task.CompletedTask;
        public Task Consume(ConsumeContext<VisitVoided> context) => Task.CompletedTask;
    }

    sealed class VisitRegisteredOnly : IConsumer<VisitRegistered>
    {
        public Task Consume(ConsumeContext<VisitRegistered> context) => Task.CompletedTask;
    }

    sealed class OfferConsumer : IConsumer<OfferPublished>
    {
        public Task Consume(ConsumeContext<OfferPublished> context) => Task.CompletedTask;
    }
}
