using System.Globalization;
using System.Text.RegularExpressions;
using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Platform;

namespace IdoPlatform.Web.Library;

/// <summary>The Dutch words of the library admins' pages for what the offers API gives as codes: weekdays, statuses,
/// history events, and the names of the fields a 400 names.</summary>
public static partial class LibraryText
{
    /// <summary>The API's weekdays (English, lower case) in week order with their Dutch names.</summary>
    public static readonly IReadOnlyList<(string Code, string Label)> Days =
    [
        ("monday", "maandag"), ("tuesday", "dinsdag"), ("wednesday", "woensdag"), ("thursday", "donderdag"),
        ("friday", "vrijdag"), ("saturday", "zaterdag"), ("sunday", "zondag"),
    ];

    public static readonly IReadOnlyList<(string Code, string Label)> Frequencies =
        [("weekly", "elke week"), ("biweekly", "om de week"), ("monthly", "elke maand")];

    public static readonly IReadOnlyList<(int Week, string Label)> WeeksOfMonth =
        [(1, "eerste"), (2, "tweede"), (3, "derde"), (4, "vierde"), (5, "laatste")];

    public static string Day(string? code) => Days.FirstOrDefault(d => d.Code == code).Label ?? code ?? "";

    public static string Frequency(string? code) => Frequencies.FirstOrDefault(f => f.Code == code).Label ?? code ?? "";

    public static string Date(DateOnly date) => DutchCalendar.Text(date);

    public static string Date(DateOnly? date) => date is { } d ? Date(d) : "";

    /// <summary>For a date input's value (<c>yyyy-MM-dd</c>).</summary>
    public static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    public static string OfferStatus(string status) => status switch
    {
        OfferDto.Draft => "Concept",
        OfferDto.Published => "Gepubliceerd",
        OfferDto.Withdrawn => "Ingetrokken",
        _ => status,
    };

    public static string Event(string name) => name switch
    {
        "location-registered" => "Geregistreerd",
        "location-changed" => "Gewijzigd",
        "location-closed" => "Gesloten",
        "offer-drafted" => "Concept gemaakt",
        "offer-changed" => "Gewijzigd",
        "offer-published" => "Gepubliceerd",
        "offer-withdrawn" => "Ingetrokken",
        _ => name,
    };

    /// <summary>"Elke week op dinsdag 10:00–12:00, van 6 januari 2026 tot …".</summary>
    public static string Recurrence(RecurrenceDto r)
    {
        var week = r.Frequency == "monthly" && r.WeekOfMonth is { } w ? $"de {WeeksOfMonth.FirstOrDefault(x => x.Week == w).Label} " : "";
        var until = r.EndsOn is { } end ? $" tot en met {Date(end)}" : "";
        var text = $"{Frequency(r.Frequency)} op {week}{Day(r.Day)} {r.StartTime}–{r.EndTime}, vanaf {Date(r.StartsOn)}{until}";
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>The Dutch name of a field an offers-API 400 names, for the list of errors above a form.</summary>
    public static string Label(string field)
    {
        var row = Row().Match(field);
        if (row.Success)
        {
            var number = int.Parse(row.Groups[2].Value, CultureInfo.InvariantCulture) + 1;
            var list = row.Groups[1].Value switch
            {
                "openingHours" => "Openingstijd",
                "schedule.recurrences" => "Herhaling",
                "schedule.sessions" => "Losse datum",
                _ => row.Groups[1].Value,
            };
            return row.Groups[3].Value is { Length: > 0 } part ? $"{list} {number}: {Label(part)}" : $"{list} {number}";
        }
        return field switch
        {
            "name" => "Naam",
            "kind" => "Soort",
            "address.street" => "Straat",
            "address.houseNumber" => "Huisnummer",
            "address.houseLetter" => "Huisletter",
            "address.houseNumberAddition" => "Toevoeging",
            "address.postcode" => "Postcode",
            "address.city" => "Plaats",
            "municipality.code" => "Gemeentecode",
            "municipality.name" => "Gemeente",
            "province" => "Provincie",
            "coordinates.latitude" => "Breedtegraad",
            "coordinates.longitude" => "Lengtegraad",
            "ido.insideLibrary" => "IDO in de bibliotheek",
            "visible" => "Zichtbaar",
            "closed" => "Gesloten",
            "organisationName" => "Organisatie",
            "status" => "Status",
            "format" => "Vorm",
            "themes" => "Thema's",
            "targetGroups" => "Doelgroepen",
            "costs.amountEuro" => "Kosten (euro)",
            "costs.note" => "Toelichting kosten",
            "partners" => "Partners",
            "agencies" => "Organisaties",
            "whatToBring" => "Meenemen",
            "facilities" => "Voorzieningen",
            "day" => "dag",
            "opens" => "open vanaf",
            "closes" => "open tot",
            "frequency" => "hoe vaak",
            "startTime" => "begint om",
            "endTime" => "eindigt om",
            "startsOn" => "vanaf datum",
            "endsOn" => "tot en met datum",
            "weekOfMonth" => "week van de maand",
            "date" => "datum",
            "ido" => "IDO",
            "ido.hasIdo" => "IDO aanwezig",
            "ido.openedOn" => "IDO sinds",
            "openingHours" => "Openingstijden",
            "closedOn" => "Gesloten per",
            "reason" => "Reden",
            "offerType" => "Aanbodsoort",
            "offerTypeVersion" => "Versie van de aanbodsoort",
            "title" => "Titel",
            "description" => "Omschrijving",
            "locationIds" => "Locaties",
            "walkIn" => "Vrije inloop",
            "signUp" => "Aanmelden",
            "validFrom" => "Geldig vanaf",
            "validTo" => "Geldig tot en met",
            "schedule.exceptions" => "Uitzonderingen",
            "schedule.recurrences" => "Herhalingen",
            "schedule.sessions" => "Losse datums",
            "" => "Formulier",
            _ => field,
        };
    }

    /// <summary>A history entry's changed value in the admin's words: weekdays and dates in Dutch, yes/no, statuses.</summary>
    public static string ChangeValue(string field, string? value)
    {
        if (value is null)
            return "–";
        var name = field[(field.LastIndexOf('.') + 1)..];
        return name switch
        {
            "day" => Day(value),
            "frequency" => Frequency(value),
            "status" => OfferStatus(value),
            _ when value is "true" or "false" => value == "true" ? "Ja" : "Nee", // as the location's IDO line and a status say it
            // A list comes joined with commas; trimmed and joined again, a text with a comma of its own reads the same.
            _ => string.Join(", ", value.Split(',', StringSplitOptions.TrimEntries).Select(part =>
                DateOnly.TryParseExact(part, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? Date(date) : part)),
        };
    }

    /// <summary>An offers-API 400 with its reasons in the admin's words: a field the reason names becomes its Dutch label
    /// ("Ligt vóór validFrom." → "Ligt vóór 'Geldig vanaf'.").</summary>
    public static FieldErrors Errors(ApiProblem? problem) => FieldErrors.From(problem, Reason);

    public static string Reason(string reason) =>
        ApiFieldName().Replace(reason, m => Label(m.Value) is var label && label != m.Value ? $"'{label}'" : m.Value);

    [GeneratedRegex(@"\b[a-z]+[A-Z][A-Za-z]*\b")]
    private static partial Regex ApiFieldName();

    // ASCII digits ([0-9]; \d is any Unicode digit, which int.Parse refuses), at most 9 of them: the parse never throws.
    [GeneratedRegex(@"^(openingHours|schedule\.recurrences|schedule\.sessions)\[([0-9]{1,9})\]\.?(\w*)$")]
    private static partial Regex Row();
}
