using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.Contracts.Registrations;
using IdoPlatform.Monitoring.Reporting;

namespace IdoPlatform.Monitoring.Storage.Visits;

/// <summary>
/// Folds visit messages into <see cref="VisitFacts"/>. Messages may arrive twice or out of order (retries,
/// competing consumers), so the outcome depends only on which messages were heard, never on their order:
/// the highest snapshot version wins and a void is final.
/// </summary>
public static class VisitFactsEvolution
{
    public static VisitFacts? Evolve(VisitFacts? current, object message) => message switch
    {
        VisitRegistered m => Newer(current, m.Visit),
        VisitCorrected m => Newer(current, m.Visit),
        VisitVoided m => Void(current, m.Visit),
        _ => current,
    };

    /// <summary>The visit id a message is about, or null when it is not a visit message.</summary>
    public static Guid? VisitIdOf(object message) => message switch
    {
        VisitRegistered m => m.Visit.VisitId,
        VisitCorrected m => m.Visit.VisitId,
        VisitVoided m => m.Visit.VisitId,
        _ => null,
    };

    private static VisitFacts Newer(VisitFacts? current, VisitSnapshot snapshot)
    {
        if (current is null) return From(snapshot, voided: false);
        if (current.Voided) return current with { Version = Math.Max(current.Version, snapshot.Version) };
        return snapshot.Version > current.Version ? From(snapshot, voided: false) : current;
    }

    private static VisitFacts Void(VisitFacts? current, VisitSnapshot snapshot)
    {
        var version = Math.Max(current?.Version ?? 0, snapshot.Version);
        // A tombstone keeps the visit's place but no questions: nothing of it counts any more.
        return (current ?? From(snapshot, voided: true)) with { Voided = true, Version = version, Questions = [] };
    }

    public static VisitFacts From(VisitSnapshot visit, bool voided)
    {
        var questions = new QuestionFact[visit.Questions.Count];
        for (var i = 0; i < questions.Length; i++)
        {
            var q = visit.Questions[i];
            questions[i] = new QuestionFact(
                SharedCodes.Share(q.Topic),
                SharedCodes.Share(q.Domain),
                string.IsNullOrEmpty(q.Organisation) ? QuestionFact.NoAgency : SharedCodes.Share(q.Organisation),
                SharedCodes.Share(q.DurationBand),
                HelpGiven(q.HelpGiven));
        }
        return new VisitFacts(
            visit.VisitId,
            visit.Version,
            voided,
            DutchCalendar.DayOf(visit.OccurredAt),
            SharedCodes.Share(visit.LocationId),
            visit.OrganisationId,
            SharedCodes.Share(visit.MunicipalityCode),
            SharedCodes.Share(visit.Province),
            SharedCodes.Share(visit.Channel),
            questions);
    }

    /// <summary>Distinct and sorted, so equal help compares equal whatever order the desk ticked it in.</summary>
    private static string[] HelpGiven(IReadOnlyList<string> given)
    {
        var help = new string[given.Count];
        for (var i = 0; i < help.Length; i++) help[i] = SharedCodes.Share(given[i]);
        Array.Sort(help, StringComparer.Ordinal);
        var distinct = 0;
        for (var i = 0; i < help.Length; i++)
            if (i == 0 || help[i] != help[distinct - 1]) help[distinct++] = help[i];
        return distinct == help.Length ? help : help[..distinct];
    }
}
