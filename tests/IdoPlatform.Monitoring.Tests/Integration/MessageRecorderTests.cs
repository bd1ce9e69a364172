using IdoPlatform.Monitoring.EventLog;
using Microsoft.Extensions.DependencyInjection;
using static IdoPlatform.Monitoring.Tests.Unit.Messages;

namespace IdoPlatform.Monitoring.Tests.Integration;

/// <summary>The recorder writes what consumers hand it together, and each message exactly once.</summary>
public sealed class MessageRecorderTests(MonitoringApp app) : IClassFixture<MonitoringApp>
{
    [Fact]
    public async Task Messages_handed_in_at_once_are_each_recorded_once_even_when_delivered_twice_together()
    {
        var recorder = app.Services.GetRequiredService<MessageRecorder>();
        var ids = Enumerable.Range(0, 300).Select(_ => Guid.NewGuid()).ToArray();

        var calls = ids.Concat(ids).Select(id => (id, recorder.Record(id, Registered(Visit(Guid.NewGuid())), "corr"))).ToList();
        await Task.WhenAll(calls.Select(c => c.Item2));

        Assert.All(ids, id => Assert.Single(calls, c => c.id == id && c.Item2.Result));
        Assert.Equal(300L, await app.EventCount());
        await using var session = app.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        foreach (var id in ids)
        {
            var recorded = Assert.Single(await session.Events.FetchStreamAsync(id));
            Assert.Equal((1L, id.ToString(), "corr"), (recorded.Version, recorded.CausationId, recorded.CorrelationId));
        }
    }

    [Fact]
    public async Task A_message_recorded_before_is_skipped_and_the_new_ones_handed_in_with_it_are_recorded()
    {
        var recorder = app.Services.GetRequiredService<MessageRecorder>();
        var before = Guid.NewGuid();
        Assert.True(await recorder.Record(before, Registered(Visit(Guid.NewGuid())), "corr"));
        var fresh = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToArray();
        var eventsBefore = await app.EventCount();

        var again = recorder.Record(before, Registered(Visit(Guid.NewGuid())), "corr");
        var calls = fresh.Select(id => recorder.Record(id, Registered(Visit(Guid.NewGuid())), "corr")).ToList();

        Assert.False(await again);
        Assert.All(await Task.WhenAll(calls), Assert.True);
        Assert.Equal(eventsBefore + fresh.Length, await app.EventCount());
    }
}
