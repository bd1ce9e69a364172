using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.Web.Desk;

namespace IdoPlatform.Web.Referrals;

/// <summary>The Dutch words the agency pages use for the referrals service's codes.</summary>
public static class ReferralText
{
    public static readonly IReadOnlyList<(string Code, string Label)> Statuses =
        [("issued", "Uitgegeven"), ("arrived", "Aangekomen"), ("expired", "Verlopen"), ("cancelled", "Ingetrokken")];

    public static string Status(string status) => Statuses.FirstOrDefault(s => s.Code == status).Label ?? status;

    /// <summary>"maandag 4 januari 2027": the last Dutch day a code is valid, as the slip says it ("geldig tot en met").
    /// The expiry moment is the end of that day (the start of the next), so the day is the one just before it.</summary>
    public static string LastValidDay(DateTimeOffset expiresAt)
    {
        var day = DutchCalendar.DayOf(expiresAt.AddTicks(-1));
        return $"{DutchTime.DayName(day)} {day.Year}";
    }

    /// <summary>Why a referral that is no longer open has no slip to hand out.</summary>
    public static string NoSlip(string status) => status switch
    {
        "cancelled" => "Deze verwijzing is ingetrokken. De code werkt niet meer bij het IDO; er is geen verwijsbrief meer om mee te geven.",
        "arrived" => "De burger is met deze verwijzing bij het IDO geweest. Een verwijsbrief is niet meer nodig.",
        "expired" => "Deze verwijzing is verlopen. De code werkt niet meer bij het IDO; geef zo nodig een nieuwe verwijzing.",
        _ => "Voor deze verwijzing is geen verwijsbrief af te drukken.",
    };

    public static string Step(string kind) => kind switch
    {
        "issued" => "Uitgegeven",
        "arrived" => "Aangekomen bij het IDO",
        "arrival-ignored" => "Code nogmaals gebruikt (niet meegeteld)",
        "arrival-reversed" => "Aankomst teruggedraaid (telt niet meer mee)",
        "expired" => "Verlopen",
        "cancelled" => "Ingetrokken",
        _ => kind,
    };

    /// <summary>Why an arrival was ignored or reversed; an unknown reason is shown as it came.</summary>
    public static string StepReason(string reason) => reason switch
    {
        "already-arrived" => "de verwijzing was al aangekomen",
        "expired" => "de verwijzing was verlopen",
        "cancelled" => "de verwijzing was ingetrokken",
        "before-issue" => "het bezoek was vóór de uitgifte",
        "visit-voided" => "het bezoek is vervallen",
        "code-corrected" => "de verwijscode van het bezoek is gecorrigeerd",
        _ => reason,
    };

    public static readonly IReadOnlyList<(string Code, string Label)> Channels =
        [("phone", "Telefoon"), ("website", "Website"), ("counter", "Balie"), ("appointment", "Afspraak")];

    public static string Channel(string channel) => Channels.FirstOrDefault(c => c.Code == channel).Label ?? channel;

    /// <summary>What a citizen brings to an IDO (the offers there may add their own).</summary>
    public static readonly IReadOnlyList<string> WhatToBring =
    [
        "Deze verwijsbrief met de verwijscode",
        "Een geldig identiteitsbewijs (paspoort, identiteitskaart of rijbewijs)",
        "Uw DigiD-gegevens of de DigiD app op uw telefoon, als u die heeft",
        "De brief of het bericht waar uw vraag over gaat",
    ];
}
