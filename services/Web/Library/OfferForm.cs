using System.Globalization;
using IdoPlatform.Web.Desk;

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

    /// <summary>Rows read per list: what the page writes, the most the offers API stores (20 recurrences, 366 sessions)
    /// plus the spare rows.</summary>
    private const int MaxRecurrences = 20 + SpareRecurrences, MaxSessions = 366 + SpareSessions;

    /// <summary>What the admin reads for a row number the page never writes (a crafted or broken post).</summary>
    public const string UnknownRecurrence = "Het formulier stuurde een herhaling die niet op deze pagina staat. Controleer de herhalingen en sla opnieuw op.";

    public const string UnknownSession = "Het formulier stuurde een losse datum die niet op deze pagina staat. Controleer de losse datums en sla opnieuw op.";

    /// <summary>The form as posted, and the reasons when it names a row the page never writes or sends a field of one
    /// value twice: refused before anything is sent, not dropped unseen or joined ("a,b"). Locations and exceptions repeat.</summary>
    public static (OfferForm Form, FieldErrors Unreadable) Read(IFormCollection form)
    {
        var fields = new FormFields(form);
        IReadOnlyList<int> Rows(string list, int size, string reason)
        {
            var (indexes, allKnown) = FormList.Indexes(form.Keys, list, size);
            if (!allKnown)
                fields.Refuse(list, reason);
            return indexes;
        }

        var (offerType, title, description) = (fields.Text("offerType"), fields.Text("title"), fields.Text("description"));
        var locationIds = form["locationIds"].Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id!).ToList();
        var (walkIn, signUp, validFrom, validTo) = (fields.Text("walkIn") ?? "", fields.Text("signUp"), fields.Text("validFrom"), fields.Text("validTo"));
        var recurrences = Rows("schedule.recurrences", MaxRecurrences, UnknownRecurrence).Select(i =>
        {
            string? T(string name) => fields.Text($"schedule.recurrences[{i}].{name}");
            return new RecurrenceRow(T("frequency"), T("day"), T("startTime"), T("endTime"), T("startsOn"), T("endsOn"), T("weekOfMonth"));
        }).Where(row => !row.IsEmpty).ToList();
        var sessions = Rows("schedule.sessions", MaxSessions, UnknownSession).Select(i =>
        {
            string? T(string name) => fields.Text($"schedule.sessions[{i}].{name}");
            return new SessionRow(T("date"), T("startTime"), T("endTime"));
        }).Where(row => !row.IsEmpty).ToList();
        var exceptions = form["schedule.exceptions"].Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d!.Trim()).ToList();
        return (new OfferForm(offerType, title, description, locationIds, walkIn, signUp, validFrom, validTo, recurrences, sessions, exceptions),
            fields.Unreadable);
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
