using IdoPlatform.BuildingBlocks.Messaging;
using IdoPlatform.BuildingBlocks.Messaging.DeadLetters;
using IdoPlatform.Contracts.Queues;

namespace IdoPlatform.Launcher.Local;

/// <summary>
/// <c>./ido dead-letters</c>: the messages waiting in each consumer's <c>_error</c> queue (failed for their
/// own content, after the quick retries). <c>./ido replay-dead-letters [queue]</c>: moves them back to their
/// queue once the cause is fixed; a copy that was handled meanwhile is dropped by the consumer's inbox.
/// </summary>
public static class DeadLettersCommand
{
    public static async Task<int> ListAsync(string root)
    {
        if (Broker(root) is not { } deadLetters) return 3;
        var counts = await deadLetters.Count(ConsumerEndpoints.All.Select(e => e.QueueName));
        foreach (var (queue, count) in counts)
            Console.WriteLine($"  {DeadLetterQueues.ErrorQueueOf(queue),-30} {count}");
        var total = counts.Values.Sum(c => (long)c);
        Console.WriteLine(total == 0 ? "No dead letters." : $"{total} dead letter(s); after a fix: ./ido replay-dead-letters [queue]");
        return 0;
    }

    public static async Task<int> ReplayAsync(string root, string? queue)
    {
        var queues = ConsumerEndpoints.All.Select(e => e.QueueName).ToList();
        if (queue is not null && !queues.Contains(queue))
        {
            Console.Error.WriteLine($"No consumer queue '{queue}'; the queues are: {string.Join(", ", queues)}");
            return 64;
        }
        if (Broker(root) is not { } deadLetters) return 3;
        foreach (var name in queue is null ? queues : [queue])
        {
            var moved = await deadLetters.Replay(name);
            if (moved > 0) Console.WriteLine($"  {moved} message(s) from {DeadLetterQueues.ErrorQueueOf(name)} back to {name}");
        }
        Console.WriteLine("Done; ./ido dead-letters shows any that failed again.");
        return 0;
    }

    private static DeadLetterQueues? Broker(string root)
    {
        if (UpState.Read(new LocalFolders(root)) is not { } state)
        {
            Console.Error.WriteLine("IdoPlatform is not running (start it with ./ido up).");
            return null;
        }
        // The private broker of ./ido up: its default virtual host, user guest over loopback.
        var address = RabbitMqAddress.Parse($"amqp://guest:guest@127.0.0.1:{state.AmqpPort}/");
        return new DeadLetterQueues(address, TimeSpan.FromSeconds(10));
    }
}
