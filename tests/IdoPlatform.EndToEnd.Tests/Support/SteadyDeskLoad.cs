using System.Collections.Concurrent;
using System.Diagnostics;

namespace IdoPlatform.EndToEnd.Tests.Support;

/// <summary>
/// A few desks registering visits through the gateway without pause, as a desk client should: each visit carries
/// an <c>Idempotency-Key</c> of its own, and an answer other than 201 (or no answer) is sent again with the same
/// key until it is 201. Between visits each desk also reads from one of the other services (offer search,
/// agencies, monitoring's counts), so every service gets traffic. Every answer that is not what it should be is
/// recorded with the phase the run is in when it comes: the test names a phase before it acts, so a request sent
/// just before a kill and broken by it counts with the kills, not with the phase it was sent in.
/// </summary>
public sealed class SteadyDeskLoad(IReadOnlyList<ApiClient> desks, ApiClient monitor, string location) : IAsyncDisposable
{
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromSeconds(60);

    private readonly ConcurrentBag<string> _created = [];
    private readonly ConcurrentQueue<(string Phase, string What)> _failures = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _clients = [];
    private volatile string _phase = "start";

    /// <summary>Ids from 201 answers, one per visit (a repeated key gives the first visit's id again).</summary>
    public IReadOnlyCollection<string> Created => _created;

    public IReadOnlyList<(string Phase, string What)> Failures => [.. _failures];

    public IReadOnlyList<string> FailuresIn(string name) => [.. _failures.Where(f => f.Phase == name).Select(f => f.What)];

    /// <summary>Visits that never got a 201 within a minute of retrying.</summary>
    public int GaveUp => _gaveUp;

    private int _gaveUp;

    public string Phase { set => _phase = value; }

    /// <summary>One visit registered before the load starts, sent again until it is accepted: the seeded location
    /// reaches registrations' replica through the broker some time after the platform answers ready. Its attempts
    /// count as the phase "settling"; the visit counts with the others.</summary>
    public Task SettleAsync()
    {
        _phase = "settling";
        return RegisterAsync(desks[0], "digid");
    }

    public void Start()
    {
        foreach (var (desk, index) in desks.Select((d, i) => (d, i)))
            _clients.Add(Task.Run(() => RunAsync(desk, index)));
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_clients);
    }

    private async Task RunAsync(ApiClient desk, int index)
    {
        var reads = new Func<Task<ApiResponse>>[]
        {
            () => desk.GetAsync("offers/v1/offers?postcode=9711AB"),
            () => desk.GetAsync("referrals/v1/agencies"),
            () => monitor.GetAsync($"monitoring/v1/question-counts?{DutchDays.RangeAroundToday}&groupBy=location&location={location}"),
        };
        for (var n = index; !_stop.IsCancellationRequested; n++)
        {
            await RegisterAsync(desk, n % 2 == 0 ? "digid" : "toeslagen");
            await ReadAsync(reads[n % reads.Length]);
            await Task.Delay(100); // steady, not flat out: the restarts need the CPU too
        }
    }

    private async Task RegisterAsync(ApiClient desk, string topic)
    {
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = Guid.NewGuid().ToString() };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < GiveUpAfter)
        {
            var answer = await TryAsync(() => desk.PostAsync("registrations/v1/visits", Bodies.Visit(location, topic), key));
            if (answer?.Status == HttpStatusCode.Created)
            {
                _created.Add(answer.Json["id"]!.GetValue<string>());
                return;
            }
            await Task.Delay(250);
        }
        Interlocked.Increment(ref _gaveUp);
    }

    private Task ReadAsync(Func<Task<ApiResponse>> read) => TryAsync(read);

    /// <summary>The answer, or null (recorded) when it was not 2xx or did not come.</summary>
    private async Task<ApiResponse?> TryAsync(Func<Task<ApiResponse>> send)
    {
        try
        {
            var answer = await send();
            if ((int)answer.Status >= 300)
                _failures.Enqueue((_phase, answer.ToString()));
            return answer;
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            _failures.Enqueue((_phase, $"no answer: {exception.Message}"));
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
            await StopAsync();
        _stop.Dispose();
    }
}
