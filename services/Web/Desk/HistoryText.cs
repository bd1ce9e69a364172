using System.Globalization;
using System.Text.RegularExpressions;

namespace IdoPlatform.Web.Desk;

/// <summary>A history entry's changed value as the desk reads it: Dutch labels for codes, the location's name, a Dutch
/// time. The history API gives codes, as it stores them.</summary>
public static partial class HistoryText
{
    /// <summary>What happened, as the history API names it (an unknown name is shown as it is, not hidden).</summary>
    public static string Event(string name) => name switch
    {
        "registered" => "Geregistreerd",
        "corrected" => "Gecorrigeerd",
        "voided" => "Vervallen",
        "note-erased" => "Notitie verwijderd",
        _ => name,
    };

    /// <summary>" door …" after a history entry: the account that made it; "system" is the platform itself (seeding).</summary>
    public static string By(string? accountId) => accountId switch
    {
        null => "",
        "system" => " door het platform",
        _ => $" door {accountId}",
    };

    public static string Value(string field, string? value, CodeBook codes, IReadOnlyList<DeskLocation> places)
    {
        if (value is null)
            return "–";
        var name = QuestionPart().Match(field) is { Success: true } question ? question.Groups[1].Value : field;
        return name switch
        {
            "status" => value == "voided" ? "Vervallen" : "Geregistreerd", // as the visit's Status line says it
            "locationId" => DeskLocations.NameOf(places, value),
            "occurredAt" => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
                ? DutchTime.DayAndClock(at)
                : value,
            "channel" => codes.Label(DeskCodes.Channels, value),
            "topic" => codes.Label(DeskCodes.Topics, value),
            "domain" => codes.Label(DeskCodes.Domains, value),
            "organisation" => codes.Label(DeskCodes.Organisations, value),
            "durationBand" => codes.Label(DeskCodes.DurationBands, value),
            "helpGiven" => string.Join(", ", value.Split(',').Select(h => codes.Label(DeskCodes.HelpGiven, h))),
            "referredTo" => codes.ReferralTargetLabel(value),
            "referralMethod" => codes.Label(DeskCodes.ReferralMethods, value),
            _ => value,
        };
    }

    [GeneratedRegex(@"^questions\[[0-9]+\]\.(\w+)$")]
    private static partial Regex QuestionPart();
}
