using Microsoft.AspNetCore.WebUtilities;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>Dutch titles and default details per status: users read these.</summary>
internal static class ProblemTexts
{
    public static string Title(int status) => status switch
    {
        400 => "Ongeldige invoer",
        401 => "Niet aangemeld",
        403 => "Geen toegang",
        404 => "Niet gevonden",
        405 => "Methode niet toegestaan",
        406 => "Niet aanvaardbaar",
        409 => "Conflict",
        412 => "Voorwaarde niet vervuld",
        413 => "Verzoek te groot",
        415 => "Mediatype niet ondersteund",
        422 => "Verzoek niet verwerkbaar",
        428 => "Voorwaarde vereist",
        429 => "Te veel verzoeken",
        500 => "Interne fout",
        503 => "Dienst niet beschikbaar",
        _ => ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } phrase ? phrase : "Fout",
    };

    public static string Detail(int status) => status switch
    {
        400 => "Het verzoek is ongeldig.",
        401 => "Meld u aan met een geldig toegangstoken (Authorization: Bearer ...).",
        403 => "U heeft geen recht op deze handeling.",
        404 => "De gevraagde resource bestaat niet.",
        405 => "Deze HTTP-methode wordt voor deze resource niet ondersteund; zie de Allow-header.",
        406 => "Deze API levert alleen application/json (fouten als application/problem+json).",
        409 => "Het verzoek botst met de huidige toestand van de resource.",
        412 => "De resource is intussen gewijzigd: haal hem opnieuw op en gebruik de nieuwe ETag in If-Match.",
        413 => "De inhoud van het verzoek is te groot.",
        415 => "Stuur de inhoud als application/json.",
        422 => "Het verzoek kan niet worden verwerkt.",
        428 => "Deze wijziging vereist een If-Match-header met de ETag van de resource.",
        429 => "Te veel verzoeken; probeer het later opnieuw (zie Retry-After).",
        500 => "Er ging iets mis aan onze kant. Probeer het later opnieuw.",
        503 => "De dienst is tijdelijk niet beschikbaar. Probeer het later opnieuw.",
        _ => "Het verzoek kon niet worden afgehandeld.",
    };
}
