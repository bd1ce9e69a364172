using IdoPlatform.Monitoring.Storage.Cubes;
using IdoPlatform.Monitoring.Storage.Locations;
using IdoPlatform.Monitoring.Storage.Referrals;
using IdoPlatform.Monitoring.Storage.Visits;

namespace IdoPlatform.Monitoring.Storage.ReadModel;

/// <summary>The column lists of the aggregate tables, shared by the live upserts and the rebuild's bulk load.</summary>
internal static class Rows
{
    public const string VisitColumns =
        "visit_id, version, voided, day, location_id, organisation_id, municipality_code, province, channel, question_count, " +
        "topics, domains, agencies, duration_bands, help_given";

    /// <summary>The questions' codes as the visit row's parallel arrays.</summary>
    public static (string[] Topics, string[] Domains, string[] Agencies, string[] Bands, string[] Help) QuestionArrays(VisitFacts visit)
    {
        var n = visit.Questions.Length;
        var arrays = (new string[n], new string[n], new string[n], new string[n], new string[n]);
        for (var i = 0; i < n; i++)
        {
            var q = visit.Questions[i];
            arrays.Item1[i] = q.Topic;
            arrays.Item2[i] = q.Domain;
            arrays.Item3[i] = q.Agency;
            arrays.Item4[i] = q.DurationBand;
            // Codes never hold a comma.
            arrays.Item5[i] = string.Join(',', q.HelpGiven);
        }
        return arrays;
    }

    public static QuestionFact[] Questions(string[] topics, string[] domains, string[] agencies, string[] bands, string[] help)
    {
        var questions = new QuestionFact[topics.Length];
        for (var i = 0; i < questions.Length; i++)
            questions[i] = new QuestionFact(topics[i], domains[i], agencies[i], bands[i],
                help[i].Length == 0 ? [] : help[i].Split(','));
        return questions;
    }

    public const string ReferralColumns =
        "referral_id, agency, topic, province, municipality_code, location_id, issued_on, status, ended_at, version";

    public const string LocationColumns = "location_id, organisation_id, last_message_at, closed";

    public const string PeriodColumns =
        "location_id, ordinal, from_day, until_day, province, municipality_code, inside_library";

    public static string CubeColumns(CubeDefinition cube) =>
        string.Join(", ", ["bucket", .. cube.Dimensions.Select(d => d.Column), "visits", "questions"]);

    public static string StatusText(ReferralStatus status) => status.ToString().ToLowerInvariant();

    public static IEnumerable<(IdoPeriod Period, int Ordinal)> Numbered(IdoLocation location) =>
        location.Periods.Select((p, i) => (p, i));
}
