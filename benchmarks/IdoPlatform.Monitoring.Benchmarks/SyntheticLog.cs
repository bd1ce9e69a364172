using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Contracts.Codes;
using IdoPlatform.Contracts.Registrations;
using IdoPlatform.Monitoring.EventLog;

namespace IdoPlatform.Monitoring.Benchmarks;

/// <summary>
/// Writes a realistic log of visit messages through the recorder's own path (one-event streams, thousands per round
/// trip), as if the consumers had recorded them: 680 locations in 340 municipalities, two years, 1-3 questions.
/// </summary>
public static class SyntheticLog
{
    public sealed record Result(int Visits, int Events);

    public static async Task<Result> Write(EventStreams streams, int visits, int seed = 1)
    {
        var random = new Random(seed);
        string[] channels = ["in-person", "in-person", "in-person", "phone", "video", "email-chat"];
        string[] domains = ["digital-government", "digital-government", "library-service", "other"];
        string[] bands = ["0-10", "10-20", "20-30", "30-60", "60+"];
        string[] help = ["information", "explained", "done-together", "referred", "follow-up-appointment", "not-helped"];
        string?[] agencies = [.. Agencies.All, "gemeente", "other", null];
        var locations = Enumerable.Range(0, 680).Select(i => (
            Id: $"NL-{100000 + i / 2:000000}-{i % 2 + 1:0000}",
            Organisation: new Guid(i / 4 + 1, 0, 0, [0, 0, 0, 0, 0, 0, 0, 1]),
            Municipality: $"GM{i / 2:0000}",
            Province: Provinces.All[i / 2 % Provinces.All.Count])).ToArray();
        var start = new DateTimeOffset(2025, 1, 1, 8, 0, 0, TimeSpan.Zero);

        var events = 0;
        var pending = new List<NewStream>(5_000);
        async Task Flush()
        {
            await streams.StartNew<LoggedMessage>(pending);
            pending.Clear();
        }
        void Write(object message)
        {
            var id = Guid.CreateVersion7();
            pending.Add(new NewStream(id, message, new AppendContext("bus", null, id.ToString())));
            events++;
        }

            for (var v = 0; v < visits; v++)
            {
                var place = locations[random.Next(locations.Length)];
                var questions = Enumerable.Range(0, 1 + random.Next(3)).Select(_ =>
                {
                    var given = help.Where(_ => random.Next(3) == 0).DefaultIfEmpty(help[1]).ToArray();
                    return new QuestionCodes(Topics.All[random.Next(Topics.All.Count)], domains[random.Next(domains.Length)],
                        agencies[random.Next(agencies.Length)], bands[random.Next(bands.Length)], given, null, null);
                }).ToArray();
                var visit = new VisitSnapshot(Guid.CreateVersion7(), 1, place.Id, place.Organisation, place.Municipality,
                    "Gemeente " + place.Municipality, place.Province, start.AddMinutes(random.Next(730 * 24 * 60)),
                    channels[random.Next(channels.Length)], questions, null);
                Write(new VisitRegistered(visit, visit.OccurredAt));
                if (random.Next(20) == 0)
                    Write(new VisitCorrected(visit with { Version = 2, Channel = "phone" }, visit.OccurredAt.AddHours(1)));
                if (random.Next(100) == 0)
                    Write(new VisitVoided(visit, visit.OccurredAt.AddHours(2)));
                if (pending.Count >= 5_000) await Flush();
            }
        await Flush();
        return new Result(visits, events);
    }
}
