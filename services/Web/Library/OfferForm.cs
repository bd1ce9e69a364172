using System.Globalization;

namespace IdoPlatform.Web.Library;

public sealed record RecurrenceRow(string? Frequency, string? Day, string? StartTime, string? EndTime, string? StartsOn, string? EndsOn,
    string? WeekOfMonth)
{
    public bool IsEmpty => new[] { StartTime, EndTime, StartsOn, EndsOn }.All(string.IsNullOrWhiteSpace);
}

public sealed record SessionRow(string? Date, string? StartTime, string? EndTime)
{
    public bool IsEmpty => new[] { Date, StartTime, EndTime }.All(string.IsNullOrWhiteSpace);
}

/// <summary>An offer as a library admin writes it (G!DS-style: offer type, title, locations, walk-in or sign-up, period,
/// schedule of recurrences, single dates and exceptions). Field names are the API's, so a 400's reasons land at their
/// fields; empty rows are dropped before sending and the form is shown again from what was sent.</summary>
public sealed record OfferForm(
    string? OfferType,
    string? Title,
    string? Description,
    IReadOnlyList<string> LocationIds,
    string? WalkIn,
    string? SignUp,
    string? ValidFrom,
    string? ValidTo,
    IReadOnlyList<RecurrenceRow> Recurrences,
    IReadOnlyList<SessionRow> Sessions,
    IReadOnlyList<string> Exceptions)
{
    public const int SpareRecurrences = 1;
    public const int SpareSessions = 2;
    public const int SpareExceptions = 3;

    /// <summary>The API's field names in the order the form shows them, for its error summary.</summary>
    public static readonly IReadOnlyList<string> FieldOrder =
    [
        "offerType", "title", "description", "locationIds", "walkIn", "signUp", "validFrom", "validTo",
        "schedule.recurrences", "schedule.sessions", "schedule.exceptions",
    ];

    public static OfferForm Empty(IReadOnlyList<string> locationIds) =>
        new(null, null, null, locationIds, "", null, null, null, [], [], []);

    public static OfferForm From(OfferDto offer) => new(offer.OfferType, offer.Title, offer.Description, offer.LocationIds,
        offer.WalkIn ? "true" : "false", offer.SignUp, LibraryText.Iso(offer.ValidFrom), LibraryText.Iso(offer.ValidTo),
        offer.Schedule.Recurrences.Select(r => new RecurrenceRow(r.Frequency, r.Day, r.StartTime, r.EndTime, LibraryText.Iso(r.StartsOn),
            LibraryText.Iso(r.EndsOn), r.WeekOfMonth?.ToString(CultureInfo.InvariantCulture))).ToList(),
        offer.Schedule.Sessions.Select(s => new SessionRow(LibraryText.Iso(s.Date), s.StartTime, s.EndTime)).ToList(),
        offer.Schedule.Exceptions.Select(d => LibraryText.Iso(d)).ToList());

    public static OfferForm From(IFormCollection form)
    {
        string? T(string name) => LocationForm.Text(form[name]);
        var recurrences = new List<RecurrenceRow>();
        for (var i = 0; form.ContainsKey($"schedule.recurrences[{i}].frequency"); i++)
        {
            var p = $"schedule.recurrences[{i}].";
            var row = new RecurrenceRow(T(p + "frequency"), T(p + "day"), T(p + "startTime"), T(p + "endTime"), T(p + "startsOn"),
                T(p + "endsOn"), T(p + "weekOfMonth"));
            if (!row.IsEmpty)
                recurrences.Add(row);
        }
        var sessions = new List<SessionRow>();
        for (var i = 0; form.ContainsKey($"schedule.sessions[{i}].date"); i++)
        {
            var p = $"schedule.sessions[{i}].";
            var row = new SessionRow(T(p + "date"), T(p + "startTime"), T(p + "endTime"));
            if (!row.IsEmpty)
                sessions.Add(row);
        }
        var exceptions = form["schedule.exceptions"].Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d!.Trim()).ToList();
        return new OfferForm(T("offerType"), T("title"), T("description"),
            form["locationIds"].Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!).ToList(),
            T("walkIn") ?? "", T("signUp"), T("validFrom"), T("validTo"), recurrences, sessions, exceptions);
    }

    /// <summary>The POST or PUT body. What the form does not show (themes, target groups, what to bring …) is kept from
    /// <paramref name="current"/> when changing, and left to the offer type's defaults when creating.</summary>
    public object ToRequest(OfferDto? current) => new
    {
        locationIds = LocationIds,
        offerType = OfferType,
        offerTypeVersion = current?.OfferType == OfferType ? current?.OfferTypeVersion : null,
        title = Title,
        description = Description,
        format = current?.Format,
        themes = current?.Themes,
        targetGroups = current?.TargetGroups,
        walkIn = WalkIn switch { "true" => true, "false" => (bool?)false, _ => null },
        signUp = SignUp,
        costs = current?.Costs,
        partners = current?.Partners,
        agencies = current?.Agencies,
        whatToBring = current?.WhatToBring,
        facilities = current?.Facilities,
        schedule = new
        {
            sessions = Sessions.Select(s => new { date = s.Date, startTime = s.StartTime, endTime = s.EndTime }).ToList(),
            recurrences = Recurrences.Select(r => new
            {
                frequency = r.Frequency,
                day = r.Day,
                startTime = r.StartTime,
                endTime = r.EndTime,
                startsOn = r.StartsOn,
                endsOn = r.EndsOn,
                weekOfMonth = int.TryParse(r.WeekOfMonth, CultureInfo.InvariantCulture, out var week) && r.Frequency == "monthly" ? week : (int?)null,
            }).ToList(),
            exceptions = Exceptions,
        },
        validFrom = ValidFrom,
        validTo = ValidTo,
    };
}
