using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Offers.Codes;
using IdoPlatform.Offers.Common;
using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Features.OfferTypes;

namespace IdoPlatform.Offers.Features.Offers;

public sealed record CostsRequest(decimal? AmountEuro = null, string? Note = null);

/// <param name="StartTime">Time of day, <c>HH:mm</c>.</param>
/// <param name="EndTime">Time of day, <c>HH:mm</c>, after <c>startTime</c>.</param>
public sealed record SessionRequest(DateOnly? Date = null, string? StartTime = null, string? EndTime = null);

/// <param name="Frequency"><c>weekly</c>, <c>biweekly</c> or <c>monthly</c>.</param>
/// <param name="Day">English weekday in lower case: <c>monday</c> … <c>sunday</c>.</param>
/// <param name="WeekOfMonth">Monthly only: 1–4, or 5 for the last such weekday of the month.</param>
public sealed record RecurrenceRequest(string? Frequency = null, string? Day = null, string? StartTime = null, string? EndTime = null,
    DateOnly? StartsOn = null, DateOnly? EndsOn = null, int? WeekOfMonth = null);

public sealed record ScheduleRequest(
    IReadOnlyList<SessionRequest?>? Sessions = null,
    IReadOnlyList<RecurrenceRequest?>? Recurrences = null,
    IReadOnlyList<DateOnly?>? Exceptions = null);

/// <summary>
/// What drafting and changing an offer both send. Fields left out (null) start from the offer type's defaults:
/// format, themes, target groups, walk-in, what to bring, facilities, agencies.
/// <c>organisationId</c> counts only when drafting.
/// </summary>
public record OfferRequest(
    Guid? OrganisationId = null,
    IReadOnlyList<string?>? LocationIds = null,
    string? OfferType = null,
    int? OfferTypeVersion = null,
    string? Title = null,
    string? Description = null,
    string? Format = null,
    IReadOnlyList<string?>? Themes = null,
    IReadOnlyList<string?>? TargetGroups = null,
    bool? WalkIn = null,
    string? SignUp = null,
    CostsRequest? Costs = null,
    IReadOnlyList<string?>? Partners = null,
    IReadOnlyList<string?>? Agencies = null,
    IReadOnlyList<string?>? WhatToBring = null,
    IReadOnlyList<string?>? Facilities = null,
    ScheduleRequest? Schedule = null,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null)
{
    public const int MaxLocations = 50;

    /// <summary>Checks every field against the context and names each bad one; content only when all are good.</summary>
    public (OfferContent? Content, Validator Errors) Validate(OfferValidationContext context, Validator? errors = null)
    {
        errors ??= new Validator();
        ValidateLocations(errors, context);
        var definition = ValidateOfferType(errors, context.OfferType);
        var defaults = definition?.Defaults;

        errors.RequireText("title", Title, 200);
        errors.OptionalText("description", Description, 4000);

        var format = Format ?? defaults?.Format;
        if (Format is not null || defaults is not null)
            errors.Code("format", format, OffersCodes.Formats);
        errors.Codes("themes", Themes, OffersCodes.Themes);
        errors.Codes("targetGroups", TargetGroups, OffersCodes.TargetGroups);
        errors.Codes("agencies", Agencies, OffersCodes.Agencies);
        errors.Codes("whatToBring", WhatToBring, OffersCodes.WhatToBring);
        errors.Codes("facilities", Facilities, OffersCodes.Facilities);

        var walkIn = WalkIn ?? defaults?.WalkIn ?? true;
        errors.OptionalText("signUp", SignUp, 500);
        if (!walkIn && string.IsNullOrWhiteSpace(SignUp))
            errors.Invalid("signUp", "Vertel hoe men zich aanmeldt als er geen vrije inloop is.");

        ValidateCosts(errors);
        ValidatePartners(errors);
        if (ValidFrom is { } vf && ValidTo is { } vt && vt < vf)
            errors.Invalid("validTo", "Ligt vóór validFrom.");
        var schedule = ValidateSchedule(errors);

        if (errors.HasErrors || definition is null) return (null, errors);

        var content = new OfferContent(
            LocationIds!.Select(id => id!).ToList(),
            context.OfferType!.Code,
            definition.Version,
            Title!.Trim(),
            Description?.Trim() ?? "",
            format!,
            Chosen(Themes, defaults!.Themes),
            Chosen(TargetGroups, defaults.TargetGroups),
            walkIn,
            string.IsNullOrWhiteSpace(SignUp) ? null : SignUp.Trim(),
            new Costs(Costs?.AmountEuro ?? 0m, string.IsNullOrWhiteSpace(Costs?.Note) ? null : Costs.Note.Trim()),
            Partners?.Select(p => p!.Trim()).ToList() ?? [],
            Chosen(Agencies, defaults.Agencies),
            Chosen(WhatToBring, defaults.WhatToBring),
            Chosen(Facilities, defaults.Facilities),
            schedule,
            ValidFrom,
            ValidTo);
        return (content, errors);
    }

    private void ValidateLocations(Validator errors, OfferValidationContext context)
    {
        if (LocationIds is null || LocationIds.Count == 0)
        {
            errors.Invalid("locationIds", "Noem minstens één locatie.");
            return;
        }
        if (LocationIds.Count > MaxLocations) errors.Invalid("locationIds", $"Hoogstens {MaxLocations} locaties.");
        for (var i = 0; i < LocationIds.Count; i++)
        {
            var id = LocationIds[i];
            var field = $"locationIds[{i}]";
            if (!LocationId.IsValid(id)) errors.Invalid(field, "Geen locatie-id (NL-123456-1234).");
            else if (LocationIds.Take(i).Contains(id)) errors.Invalid(field, $"'{id}' staat er al in.");
            else if (!context.Locations.TryGetValue(id!, out var location)) errors.Unknown(field, $"Onbekende locatie '{id}'.");
            else if (location.IsClosed) errors.Invalid(field, $"Locatie '{id}' is gesloten.");
            else if (context.OrganisationId is { } org && location.OrganisationId != org)
                errors.Invalid(field, $"Locatie '{id}' hoort niet bij deze organisatie.");
        }
    }

    private OfferTypeDefinition? ValidateOfferType(Validator errors, OfferType? type)
    {
        if (string.IsNullOrWhiteSpace(OfferType))
        {
            errors.Missing("offerType");
            return null;
        }
        if (type is null || type.Code != OfferType)
        {
            errors.Unknown("offerType", $"Onbekende aanbodsoort '{OfferType}'.");
            return null;
        }
        if (OfferTypeVersion is not { } version) return type.Current;
        var definition = type.Version(version);
        if (definition is null) errors.Invalid("offerTypeVersion", $"Aanbodsoort '{type.Code}' heeft geen versie {version}.");
        return definition;
    }

    private void ValidateCosts(Validator errors)
    {
        if (Costs is null) return;
        if (Costs.AmountEuro is { } amount && (amount < 0 || amount > 10_000 || decimal.Round(amount, 2) != amount))
            errors.Invalid("costs.amountEuro", "Een bedrag van 0 tot 10.000 euro, in centen nauwkeurig.");
        errors.OptionalText("costs.note", Costs.Note, 200);
    }

    private void ValidatePartners(Validator errors)
    {
        if (Partners is null) return;
        if (Partners.Count > 20) errors.Invalid("partners", "Hoogstens 20 partners.");
        for (var i = 0; i < Partners.Count; i++) errors.RequireText($"partners[{i}]", Partners[i], 200);
    }

    private Schedule ValidateSchedule(Validator errors)
    {
        if (Schedule is null) return Offers.Schedule.Empty;
        var sessions = new List<Session>();
        var recurrences = new List<Recurrence>();
        var exceptions = new List<DateOnly>();

        var sessionRequests = Schedule.Sessions ?? [];
        if (sessionRequests.Count > 366) errors.Invalid("schedule.sessions", "Hoogstens 366 sessies.");
        for (var i = 0; i < sessionRequests.Count; i++)
        {
            var field = $"schedule.sessions[{i}]";
            var s = sessionRequests[i];
            if (s is null) { errors.Missing(field); continue; }
            if (s.Date is null) errors.Missing($"{field}.date");
            else if (ValidFrom is { } vf && s.Date < vf) errors.Invalid($"{field}.date", "Ligt vóór validFrom.");
            else if (ValidTo is { } vt && s.Date > vt) errors.Invalid($"{field}.date", "Ligt na validTo.");
            if (Times(errors, field, s.StartTime, s.EndTime) is { } t && s.Date is { } date && ExistsOnDutchClock(errors, field, date, t))
                sessions.Add(new Session(date, t.Starts, t.Ends));
        }

        var recurrenceRequests = Schedule.Recurrences ?? [];
        if (recurrenceRequests.Count > 20) errors.Invalid("schedule.recurrences", "Hoogstens 20 herhalingen.");
        for (var i = 0; i < recurrenceRequests.Count; i++)
        {
            var field = $"schedule.recurrences[{i}]";
            var r = recurrenceRequests[i];
            if (r is null) { errors.Missing(field); continue; }
            if (Recurrence(errors, field, r) is { } recurrence) recurrences.Add(recurrence);
        }

        var exceptionRequests = Schedule.Exceptions ?? [];
        if (exceptionRequests.Count > 366) errors.Invalid("schedule.exceptions", "Hoogstens 366 uitzonderingen.");
        for (var i = 0; i < exceptionRequests.Count; i++)
        {
            if (exceptionRequests[i] is not { } date) errors.Missing($"schedule.exceptions[{i}]");
            else if (!exceptions.Contains(date)) exceptions.Add(date);
        }

        return new Schedule(sessions.OrderBy(s => s.Date).ThenBy(s => s.Starts).ToList(), recurrences, exceptions.Order().ToList());
    }

    private Recurrence? Recurrence(Validator errors, string field, RecurrenceRequest r)
    {
        var ok = true;
        if (!errors.Code($"{field}.frequency", r.Frequency, OffersCodes.RecurrenceFrequencies)) ok = false;
        if (!ClockText.TryParseDay(r.Day, out var day))
        {
            errors.Invalid($"{field}.day", $"Kies uit: {string.Join(", ", ClockText.Days)}.");
            ok = false;
        }
        var times = Times(errors, field, r.StartTime, r.EndTime);
        var startsOn = r.StartsOn ?? ValidFrom;
        if (startsOn is null)
        {
            errors.Missing($"{field}.startsOn", "Verplicht (of geef validFrom).");
            ok = false;
        }
        var endsOn = r.EndsOn ?? ValidTo;
        if (startsOn is { } s && endsOn is { } e && e < s)
        {
            errors.Invalid(r.EndsOn is null ? "validTo" : $"{field}.endsOn", "Ligt vóór het begin van de herhaling.");
            ok = false;
        }
        if (r.Frequency == "monthly" && r.WeekOfMonth is not (>= 1 and <= ScheduleCalendar.LastWeekOfMonth))
        {
            errors.Invalid($"{field}.weekOfMonth", "1 tot en met 4, of 5 voor de laatste van de maand.");
            ok = false;
        }
        if (r.Frequency != "monthly" && r.WeekOfMonth is not null)
        {
            errors.Invalid($"{field}.weekOfMonth", "Alleen bij een maandelijkse herhaling.");
            ok = false;
        }
        return ok && times is { } t
            ? new Recurrence(r.Frequency!, day, t.Starts, t.Ends, startsOn!.Value, endsOn, r.WeekOfMonth)
            : null;
    }

    /// <summary>The night summer time starts, the clock skips from 2:00 to 3:00: a dated session then starting or ending
    /// does not exist. (A weekly one at that hour is left alone: it exists on every other date.)</summary>
    private static bool ExistsOnDutchClock(Validator errors, string field, DateOnly date, (TimeOnly Starts, TimeOnly Ends) times)
    {
        var ok = true;
        foreach (var (name, time) in new[] { ("startTime", times.Starts), ("endTime", times.Ends) })
            if (DutchCalendar.FromLocal(date.ToDateTime(time)) is null)
            {
                errors.Invalid($"{field}.{name}", "Bestaat niet op die datum: de klok gaat die nacht van 2:00 naar 3:00 (zomertijd).");
                ok = false;
            }
        return ok;
    }

    private static (TimeOnly Starts, TimeOnly Ends)? Times(Validator errors, string field, string? start, string? end)
    {
        var startOk = errors.Time($"{field}.startTime", start, out var starts);
        var endOk = errors.Time($"{field}.endTime", end, out var ends);
        if (!startOk || !endOk) return null;
        if (ends <= starts)
        {
            errors.Invalid($"{field}.endTime", "Eindigt niet na het begin.");
            return null;
        }
        return (starts, ends);
    }

    private static IReadOnlyList<string> Chosen(IReadOnlyList<string?>? given, IReadOnlyList<string> fallback) =>
        given?.Select(v => v!).ToList() ?? [.. fallback];
}
