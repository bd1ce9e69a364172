using IdoPlatform.Monitoring.Projections.Cubes;
using IdoPlatform.Monitoring.Projections.Locations;
using IdoPlatform.Monitoring.Projections.Referrals;
using IdoPlatform.Monitoring.Projections.Visits;

namespace IdoPlatform.Monitoring.Projections.ReadModel;

/// <summary>The column lists of the aggregate tables, shared by the live upserts and the rebuild's bulk load.</summary>
internal static class Rows
{
    public const string VisitColumns =
        "visit_id, version, voided, day, location_id, organisation_id, municipality_code, province, channel, question_count";

    public const string QuestionColumns =
        "visit_id, ordinal, day, location_id, organisation_id, municipality_code, province, channel, topic, domain, agency, duration_band, help_given";

    public const string ReferralColumns =
        "referral_id, agency, topic, province, municipality_code, location_id, issued_on, status, ended_at";

    public const string LocationColumns = "location_id, organisation_id, last_message_at, closed";

    public const string PeriodColumns =
        "location_id, ordinal, from_day, until_day, province, municipality_code, inside_library";

    public static string CubeColumns(CubeDefinition cube) =>
        string.Join(", ", ["bucket", .. cube.Dimensions.Select(d => d.Column), "visits", "questions"]);

    public static string StatusText(ReferralStatus status) => status.ToString().ToLowerInvariant();

    public static IEnumerable<(QuestionFact Question, short Ordinal)> Numbered(VisitFacts visit) =>
        visit.Questions.Select((q, i) => (q, (short)i));

    public static IEnumerable<(IdoPeriod Period, int Ordinal)> Numbered(IdoLocation location) =>
        location.Periods.Select((p, i) => (p, i));
}
