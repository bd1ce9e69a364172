using System.Globalization;
using IdoPlatform.Web.Platform;

namespace IdoPlatform.Web.Desk;

/// <summary>One question as the form holds it. Field names are the API's, so a 400's <c>invalidParams</c> land on
/// the field they name.</summary>
public sealed record QuestionForm(string? Topic, string? Domain, string? DurationBand, IReadOnlyList<string> HelpGiven,
    string? Organisation, string? ReferredTo, string? ReferralMethod)
{
    /// <summary>A fresh question: digital government, explained — what most desk questions are.</summary>
    public static QuestionForm Empty { get; } = new(null, "digital-government", null, ["explained"], null, null, null);

    public static QuestionForm From(QuestionDto q) =>
        new(q.Topic, q.Domain, q.DurationBand, q.HelpGiven, q.Organisation, q.ReferredTo, q.ReferralMethod);

    public object ToApi() => new
    {
        topic = Topic, domain = Domain, durationBand = DurationBand, helpGiven = HelpGiven,
        organisation = Organisation, referredTo = ReferredTo, referralMethod = ReferralMethod,
    };
}

/// <summary>A visit as the register and correction forms hold it (the correction adds its reason).</summary>
public sealed record VisitForm(string? LocationId, string? Channel, IReadOnlyList<QuestionForm> Questions,
    string? ReferralCode, string? Note, DateTimeOffset? OccurredAt = null, string? Reason = null)
{
    public const int MaxQuestions = 10;

    /// <summary>The visible date and time fields' names; <c>occurredAt</c> itself is the hidden moment (the register form's
    /// moment of saving, which the page script writes; the correction form's current moment).</summary>
    public const string DateField = "occurredAt.date";
    public const string TimeField = "occurredAt.time";

    /// <summary>The date and time fields as typed (Dutch local time; blank: the hidden moment).</summary>
    public string? Date { get; init; }
    public string? Time { get; init; }

    /// <summary>The moment the date and time fields name, when another minute than the hidden moment's: it wins.</summary>
    public DateTimeOffset? Typed { get; init; }

    public static VisitForm Empty(string? locationId) => new(locationId, "in-person", [QuestionForm.Empty], null, null);

    public static VisitForm From(VisitDto visit) => new(visit.LocationId, visit.Channel,
        visit.Questions.Select(QuestionForm.From).ToList(), visit.ReferralCode, visit.Note, visit.OccurredAt)
    {
        Date = DutchTime.DateField(visit.OccurredAt), Time = DutchTime.Clock(visit.OccurredAt),
    };

    /// <summary>What a desk employee reads for a question number the form never writes (a crafted or broken post).</summary>
    public static readonly string UnknownQuestion =
        $"Het formulier stuurde een vraag die niet bestaat (alleen vraag 1 tot en met {MaxQuestions}). Controleer de vragen en sla opnieuw op.";

    /// <summary>What a desk employee reads for an <c>occurredAt</c> that is no date and time (the page script writes an ISO one).</summary>
    public const string UnreadableMoment = "Niet te lezen als datum en tijd (zoals 2026-03-14T10:30).";

    /// <summary>The form as posted, and what in it the form never sends: a question number other than 0–9, a field of one
    /// value sent twice, an unreadable moment. Those are refused, not dropped or taken half, so nothing is saved otherwise
    /// than it was sent. Blank fields are absent; a blank <c>occurredAt</c> (the form without the page script) means now.</summary>
    public static (VisitForm Form, FieldErrors Unreadable) Read(IFormCollection form)
    {
        var fields = new FormFields(form);
        var (locationId, channel) = (fields.Text("locationId"), fields.Text("channel"));
        var (indexes, allKnown) = FormList.Indexes(form.Keys, "questions", MaxQuestions);
        if (!allKnown)
            fields.Refuse("questions", UnknownQuestion);
        var questions = indexes.Select(i =>
        {
            string? Field(string name) => fields.Text($"questions[{i}].{name}");
            return new QuestionForm(Field("topic"), Field("domain"), Field("durationBand"),
                form[$"questions[{i}].helpGiven"].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!).ToList(),
                Field("organisation"), Field("referredTo"), Field("referralMethod"));
        }).ToList();
        var (referralCode, note, reason) = (fields.Text("referralCode"), fields.Text("note"), fields.Text("reason"));
        DateTimeOffset? occurredAt = null;
        if (fields.Text("occurredAt") is { } moment)
        {
            var (at, refusal) = ReadIso(moment);
            occurredAt = at;
            if (refusal is not null)
                fields.Refuse("occurredAt", refusal);
        }
        var (date, time) = (fields.Text(DateField), fields.Text(TimeField));
        var (typed, unreadable) = DutchTime.ReadLocal(date, time);
        if (unreadable is not null)
            fields.Refuse("occurredAt", unreadable);
        // The minute the form showed (a correction's time left as it was) changes nothing: the precise moment stays.
        if (typed is { } t && occurredAt is { } shown && t == shown.AddTicks(-(shown.Ticks % TimeSpan.TicksPerMinute)))
            typed = null;
        return (new VisitForm(locationId, channel, questions, referralCode, note, occurredAt, reason)
            { Date = date, Time = time, Typed = typed }, fields.Unreadable);
    }

    /// <summary>The hidden moment: ISO with an offset as the page script writes it; without one it is a Dutch clock's time,
    /// not UTC.</summary>
    private static (DateTimeOffset? Moment, string? Refusal) ReadIso(string text) =>
        !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed) ? (null, UnreadableMoment)
        : parsed.Kind == DateTimeKind.Unspecified ? DutchTime.FromLocal(parsed)
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at) ? (at, null)
        : (null, UnreadableMoment); // an offset that puts it outside the years a moment can have

    /// <summary>The register body. A typed moment is sent as typed (the API refuses a future one at its field). Else the
    /// moment the desk pressed save is kept (a visit sent later from the browser's queue still happened then), unless
    /// the desk PC's clock runs ahead of ours.</summary>
    public object ToRegistration(DateTimeOffset now) => new
    {
        locationId = LocationId, channel = Channel, questions = Questions.Select(q => q.ToApi()).ToList(),
        referralCode = ReferralCode, note = Note,
        occurredAt = Typed ?? (OccurredAt is { } at && at < now ? at : (DateTimeOffset?)null),
    };

    /// <summary>The name of "Vraag toevoegen" and "Vraag verwijderen" (submit buttons, so they work without the page script,
    /// which does both in the browser instead).</summary>
    public const string QuestionEdit = "vraag";
    public const string AddQuestion = "toevoegen";
    public const string RemoveQuestion = "verwijderen-";

    /// <summary>The form with a question added or removed, as <paramref name="edit"/> (the pressed button's value) asks;
    /// null when no question button was pressed (the form was sent to be saved).</summary>
    public VisitForm? WithQuestionEdit(string? edit) => edit switch
    {
        null or "" => null,
        AddQuestion when Questions.Count < MaxQuestions => this with { Questions = [.. Questions, QuestionForm.Empty] },
        _ when edit.StartsWith(RemoveQuestion, StringComparison.Ordinal)
               && int.TryParse(edit[RemoveQuestion.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
               && index > 0 && index < Questions.Count // the first question stays, as on the page
            => this with { Questions = Questions.Where((_, i) => i != index).ToList() },
        _ => this,
    };

    public object ToCorrection() => new
    {
        locationId = LocationId, channel = Channel, questions = Questions.Select(q => q.ToApi()).ToList(),
        referralCode = ReferralCode, note = Note, reason = Reason,
        occurredAt = Typed, // none: the API keeps the visit's moment
    };
}
