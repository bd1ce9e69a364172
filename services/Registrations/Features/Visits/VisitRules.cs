using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Registrations.CodeLists;
using IdoPlatform.Registrations.Common;
using IdoPlatform.Registrations.Locations;
using IdoPlatform.Registrations.Privacy;
using IdoPlatform.Contracts.Codes;

namespace IdoPlatform.Registrations.Features.Visits;

/// <summary>What the rules need besides the input. <see cref="Previous"/> is the visit being corrected
/// (null for a new one): what it already holds may stay even when it no longer would be accepted new.</summary>
public sealed record VisitRulesContext(
    CodeListCatalogue Codes,
    KnownLocation? Location,
    DateTimeOffset Now,
    Visit? Previous = null);

public sealed record CheckedVisit(VisitPlace Place, VisitDetails Details);

/// <summary>
/// The rules for a visit's content, pure: every field is checked and every error collected, so the
/// client hears of all of them at once. Returns the visit to record, or null when anything is wrong.
/// </summary>
public static class VisitRules
{
    public const int MaxQuestions = 10;
    public const int MaxTextLength = 280;
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(31);
    /// <summary>A desk PC's clock may run a little ahead; a minute or two is not "the future".</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    public static CheckedVisit? Check(Validator v, VisitInput input, VisitRulesContext context)
    {
        var today = DutchCalendar.DayOf(context.Now);
        var kept = KeptCodes(context.Previous, context.Codes);

        var occurredAt = CheckOccurredAt(v, input.OccurredAt, context);
        var place = CheckLocation(v, input.LocationId, occurredAt ?? context.Now, context);
        // Codes, like the location, as they were on the visit's day: a visit of 30 December registered on 2 January may
        // use a code retired on 31 December, and not one introduced on 1 January.
        var visitDay = occurredAt is { } at ? DutchCalendar.DayOf(at) : today;
        CheckCode(v, "channel", input.Channel, context.Codes.Channels, visitDay, kept, required: true);
        var questions = CheckQuestions(v, input.Questions, context.Codes, visitDay, kept);
        var referralCode = CheckReferralCode(v, input.ReferralCode);
        var note = CheckFreeText(v, "note", input.Note, today, required: false);

        if (v.HasErrors || place is null || occurredAt is null) return null;
        return new CheckedVisit(place, new VisitDetails(occurredAt.Value, input.Channel!, questions, referralCode, note));
    }

    /// <summary>Short free text (a note, a reason): at most 280 characters, and nothing that looks like
    /// personal data. Returns the trimmed text, null when empty.</summary>
    public static string? CheckFreeText(Validator v, string name, string? text, DateOnly today, bool required)
    {
        var trimmed = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (trimmed is null)
        {
            if (required) v.Add(name, InvalidParamCodes.Required, "Verplicht veld.");
            return null;
        }
        v.Check(trimmed.Length <= MaxTextLength, name, InvalidParamCodes.TooLong,
            $"Maximaal {MaxTextLength} tekens (nu {trimmed.Length}).");
        foreach (var finding in PiiScreen.Screen(trimmed, today))
            v.Add(name, InvalidParamCodes.PersonalData, finding.Reason);
        return trimmed;
    }

    private static DateTimeOffset? CheckOccurredAt(Validator v, DateTimeOffset? given, VisitRulesContext context)
    {
        var previous = context.Previous;
        if (given is null) return previous?.Details.OccurredAt ?? context.Now;
        var value = given.Value.ToUniversalTime();
        if (previous is not null && value == previous.Details.OccurredAt) return value;

        // A correction may keep within the window that held when the visit was registered.
        var earliest = (previous?.RegisteredAt ?? context.Now) - MaxAge;
        var ok = v.Check(value <= context.Now + ClockSkew, "occurredAt", InvalidParamCodes.OutOfRange,
            "Mag niet in de toekomst liggen.");
        ok &= v.Check(value >= earliest, "occurredAt", InvalidParamCodes.OutOfRange,
            $"Mag hoogstens {MaxAge.Days} dagen voor de registratie liggen.");
        return ok ? value : null;
    }

    private static VisitPlace? CheckLocation(Validator v, string? locationId, DateTimeOffset occurredAt, VisitRulesContext context)
    {
        if (!v.Required("locationId", locationId)) return null;
        // A correction may keep its location, even one that has closed since.
        if (context.Previous is { } previous && previous.Place.LocationId == locationId) return previous.Place;

        var location = context.Location;
        if (location is null || location.LocationId != locationId)
        {
            v.Add("locationId", RegistrationParamCodes.UnknownLocation, "Onbekende locatie.");
            return null;
        }
        var day = DutchCalendar.DayOf(occurredAt);
        var reason = !location.HasIdo ? "Deze locatie heeft geen IDO."
            : location.IsClosedOn(day) ? $"Deze locatie is gesloten sinds {DutchCalendar.Text(location.ClosedOn!.Value)}."
            : !location.IdoOpenOn(day) ? $"Het IDO van deze locatie is pas open sinds {DutchCalendar.Text(location.IdoOpenedOn!.Value)}."
            : null;
        if (reason is not null)
        {
            v.Add("locationId", RegistrationParamCodes.LocationNotOpen, reason);
            return null;
        }
        return new VisitPlace(location.LocationId, location.OrganisationId, location.MunicipalityCode,
            location.MunicipalityName, location.Province);
    }

    private static List<Question> CheckQuestions(Validator v, IReadOnlyList<QuestionInput?>? inputs,
        CodeListCatalogue codes, DateOnly day, HashSet<(string, string)> kept)
    {
        var questions = new List<Question>();
        if (inputs is null || inputs.Count == 0)
        {
            v.Add("questions", InvalidParamCodes.Required, "Registreer minstens 1 vraag.");
            return questions;
        }
        v.Check(inputs.Count <= MaxQuestions, "questions", InvalidParamCodes.TooLong,
            $"Hoogstens {MaxQuestions} vragen per bezoek (nu {inputs.Count}).");

        for (var i = 0; i < inputs.Count; i++)
        {
            var q = v.At("questions", i);
            var input = inputs[i];
            if (input is null)
            {
                q.Add("", InvalidParamCodes.Required, "Verplicht: een vraag.");
                continue;
            }
            CheckCode(q, "topic", input.Topic, codes.Topics, day, kept, required: true);
            CheckCode(q, "domain", input.Domain, codes.Domains, day, kept, required: true);
            CheckCode(q, "organisation", input.Organisation, codes.Organisations, day, kept, required: false);
            CheckCode(q, "durationBand", input.DurationBand, codes.DurationBands, day, kept, required: true);
            var referred = CheckHelpGiven(q, input.HelpGiven, codes, day, kept);
            CheckReferral(q, input, referred, codes, day, kept);
            questions.Add(new Question(input.Topic, input.Domain, Blank(input.Organisation), input.DurationBand,
                input.HelpGiven?.ToList() ?? [], Blank(input.ReferredTo), Blank(input.ReferralMethod)));
        }
        return questions;
    }

    private static bool CheckHelpGiven(Validator q, IReadOnlyList<string>? helpGiven, CodeListCatalogue codes,
        DateOnly day, HashSet<(string, string)> kept)
    {
        if (helpGiven is null || helpGiven.Count == 0)
        {
            q.Add("helpGiven", InvalidParamCodes.Required, "Kies minstens 1 vorm van hulp.");
            return false;
        }
        for (var j = 0; j < helpGiven.Count; j++)
            CheckCode(q, $"helpGiven[{j}]", helpGiven[j], codes.HelpGiven, day, kept, required: true);
        q.Distinct("helpGiven", helpGiven);
        return helpGiven.Contains(HelpGivenCodes.Referred);
    }

    private static void CheckReferral(Validator q, QuestionInput input, bool referred, CodeListCatalogue codes,
        DateOnly day, HashSet<(string, string)> kept)
    {
        if (!referred)
        {
            const string onlyWhenReferred = "Alleen invullen als helpGiven 'referred' bevat.";
            q.Check(Blank(input.ReferredTo) is null, "referredTo", InvalidParamCodes.NotApplicable, onlyWhenReferred);
            q.Check(Blank(input.ReferralMethod) is null, "referralMethod", InvalidParamCodes.NotApplicable, onlyWhenReferred);
            return;
        }

        if (q.Check(Blank(input.ReferredTo) is not null, "referredTo", InvalidParamCodes.Required,
                "Verplicht bij doorverwijzing: de NPD-organisatie of het soort lokale partner."))
        {
            if (codes.FindReferralTarget(input.ReferredTo!) is { } target)
                CheckCode(q, "referredTo", input.ReferredTo, target.List, day, kept, required: true);
            else
                q.Add("referredTo", InvalidParamCodes.NotAllowed,
                    $"Onbekende code: gebruik een NPD-organisatie uit '{CodeListCatalogue.OrganisationsName}' of een code uit '{CodeListCatalogue.LocalPartnerKindsName}'.");
        }
        if (q.Check(Blank(input.ReferralMethod) is not null, "referralMethod", InvalidParamCodes.Required,
                "Verplicht bij doorverwijzing: hoe er is doorverwezen."))
            CheckCode(q, "referralMethod", input.ReferralMethod, codes.ReferralMethods, day, kept, required: true);
    }

    private static string? CheckReferralCode(Validator v, string? given)
    {
        if (string.IsNullOrWhiteSpace(given)) return null;
        var code = ReferralCodes.Normalize(given);
        v.Check(code is not null, "referralCode", InvalidParamCodes.Invalid,
            "Geen geldige verwijscode: 8 tekens, bijvoorbeeld K7QF-2M9D.");
        return code;
    }

    /// <summary>A code must be in its list and valid on the visit's day, unless the visit being corrected already held it.</summary>
    private static bool CheckCode(Validator v, string name, string? code, CodeList list, DateOnly day,
        HashSet<(string, string)> kept, bool required)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            if (required) v.Add(name, InvalidParamCodes.Required, "Verplicht veld.");
            return !required;
        }
        var status = list.StatusOn(code, day);
        if (status is CodeStatus.Retired or CodeStatus.NotYetValid && kept.Contains((list.Name, code)))
            return true;
        var entry = list.Find(code);
        return status switch
        {
            CodeStatus.Valid => true,
            CodeStatus.Retired => Fail(v, name, RegistrationParamCodes.Retired,
                $"Code '{code}' is ingetrokken (geldig tot en met {DutchCalendar.Text(entry!.ValidTo!.Value)}); kies een geldige code uit '{list.Name}'."),
            CodeStatus.NotYetValid => Fail(v, name, RegistrationParamCodes.NotYetValid,
                $"Code '{code}' is pas geldig vanaf {DutchCalendar.Text(entry!.ValidFrom)}."),
            // The value is not echoed: an unknown "code" might be anything the client typed.
            _ => Fail(v, name, InvalidParamCodes.NotAllowed,
                $"Onbekende code; zie de codelijst '{list.Name}' (GET /registrations/v1/code-lists)."),
        };
    }

    private static bool Fail(Validator v, string name, string code, string reason)
    {
        v.Add(name, code, reason);
        return false;
    }

    /// <summary>The (list, code) pairs the visit being corrected already holds.</summary>
    private static HashSet<(string, string)> KeptCodes(Visit? previous, CodeListCatalogue codes)
    {
        var kept = new HashSet<(string, string)>();
        if (previous is null) return kept;
        var details = previous.Details;
        kept.Add((codes.Channels.Name, details.Channel));
        foreach (var q in details.Questions)
        {
            kept.Add((codes.Topics.Name, q.Topic));
            kept.Add((codes.Domains.Name, q.Domain));
            kept.Add((codes.DurationBands.Name, q.DurationBand));
            if (q.Organisation is not null) kept.Add((codes.Organisations.Name, q.Organisation));
            foreach (var help in q.HelpGiven) kept.Add((codes.HelpGiven.Name, help));
            if (q.ReferralMethod is not null) kept.Add((codes.ReferralMethods.Name, q.ReferralMethod));
            if (q.ReferredTo is not null && codes.FindReferralTarget(q.ReferredTo) is { } target)
                kept.Add((target.List.Name, q.ReferredTo));
        }
        return kept;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

public static class HelpGivenCodes
{
    public const string Referred = "referred";
}
