using System.Diagnostics;

namespace IdoPlatform.EndToEnd.Tests.Support;

/// <summary>Asks again until the answer is as expected or the time is up: what travels over RabbitMQ arrives
/// later than the 201 that caused it, so the tests poll instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> ask, Func<T, bool> isDone, TimeSpan within, string waitingFor,
        Func<T, string>? describe = null, TimeSpan? interval = null)
    {
        var clock = Stopwatch.StartNew();
        var pause = interval ?? TimeSpan.FromMilliseconds(250);
        while (true)
        {
            var answer = await ask();
            if (isDone(answer))
                return answer;
            if (clock.Elapsed > within)
                throw new Xunit.Sdk.XunitException(
                    $"Still waiting for {waitingFor} after {clock.Elapsed.TotalSeconds:0.0} s. Last answer: {(describe ?? (a => a?.ToString() ?? "null"))(answer)}");
            await Task.Delay(pause);
        }
    }
}
