using System.Globalization;
using System.Text.RegularExpressions;
using IdoPlatform.Web.Desk;

namespace IdoPlatform.Web.Referrals;

/// <summary>One opening period of the agency's service, as the form holds it.</summary>
public sealed record HoursForm(string? Day, string? Opens, string? Closes)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Opens) && string.IsNullOrWhiteSpace(Closes);
}

/// <summary>How to refer onward for one topic, as the form holds it (rules one per line).</summary>
public sealed record TopicForm(string? Topic, string? Channel, string? Phone, string? Website, string? Address,
    IReadOnlyList<HoursForm> Hours, string MayDo, string MayNotDo)
{
    public static TopicForm Empty { get; } = new(null, null, null, null, null, [], "", "");

    public bool IsEmpty => string.IsNullOrWhiteSpace(Topic) && string.IsNullOrWhiteSpace(Phone) && string.IsNullOrWhiteSpace(Website)
                           && string.IsNullOrWhiteSpace(Address) && MayDo.Length == 0 && MayNotDo.Length == 0 && Hours.All(h => h.IsEmpty);

    public static TopicForm From(TopicGuidanceDto t) => new(t.Topic, t.Channel, t.Contact.Phone, t.Contact.Website, t.Contact.Address,
        t.Hours.Select(h => new HoursForm(h.Day, h.Opens, h.Closes)).ToList(), string.Join("\n", t.IdoMayDo), string.Join("\n", t.IdoMayNotDo));
}

/// <summary>The agency's referral profile as its edit form holds it. Field names are the API's
/// (<c>topics[0].contact.phone</c>), so a 400's reasons land at the field they name. Topics left empty (the form's
/// spare "new topic" block) and empty hour rows are dropped before sending.</summary>
public sealed partial record ProfileForm(IReadOnlyList<TopicForm> Topics)
{
    public static ProfileForm From(ReferralProfileDto profile) => new(profile.Topics.Select(TopicForm.From).ToList());

    /// <summary>Rows per list, two digits as before: the page writes one per topic or period, far fewer.</summary>
    private const int MaxRows = 100;

    /// <summary>What the agency reads for a topic or period number the page never writes (a crafted or broken post).</summary>
    public const string UnknownRow = "Het formulier stuurde een onderwerp of tijd die niet op deze pagina staat. Controleer het profiel en sla opnieuw op.";

    /// <summary>The form as posted, and the reasons when it names a row the page never writes or sends a field of one
    /// value twice: refused, not dropped unseen or taken half.</summary>
    public static (ProfileForm Form, FieldErrors Unreadable) Read(IFormCollection form)
    {
        var fields = new FormFields(form);
        var (indexes, allKnown) = FormList.Indexes(form.Keys, "topics", MaxRows);
        var topics = new List<TopicForm>();
        foreach (var i in indexes)
        {
            string? Field(string name) => fields.Text($"topics[{i}].{name}");
            var (hourIndexes, hoursKnown) = FormList.Indexes(form.Keys, $"topics[{i}].hours", MaxRows);
            allKnown &= hoursKnown;
            var hours = hourIndexes.Select(j => new HoursForm(Field($"hours[{j}].day"), Field($"hours[{j}].opens"), Field($"hours[{j}].closes")))
                .Where(h => !h.IsEmpty).ToList();
            var topic = new TopicForm(Field("topic"), Field("channel"), Field("contact.phone"), Field("contact.website"), Field("contact.address"),
                hours, Lines(fields.Raw($"topics[{i}].idoMayDo")), Lines(fields.Raw($"topics[{i}].idoMayNotDo")));
            if (!topic.IsEmpty)
                topics.Add(topic);
        }
        if (!allKnown)
            fields.Refuse("topics", UnknownRow);
        return (new ProfileForm(topics), fields.Unreadable);
    }

    public object ToApi() => new
    {
        topics = Topics.Select(t => new
        {
            topic = t.Topic, channel = t.Channel,
            contact = new { phone = t.Phone, website = t.Website, address = t.Address },
            hours = t.Hours.Select(h => new { day = h.Day, opens = h.Opens, closes = h.Closes }).ToList(),
            idoMayDo = Split(t.MayDo), idoMayNotDo = Split(t.MayNotDo),
        }).ToList(),
    };

    /// <summary>"topics[0].contact.phone" → "Onderwerp 1: telefoon", for the list of errors above the form.</summary>
    public static string Label(string field)
    {
        var match = FieldPath().Match(field);
        if (!match.Success)
            return field == "topics" ? "Onderwerpen" : field;
        var part = match.Groups[2].Value switch
        {
            "topic" => "onderwerp",
            "channel" => "kanaal",
            "contact.phone" => "telefoon",
            "contact.website" => "website",
            "contact.address" => "adres",
            "contact" => "contact",
            "idoMayDo" => "wat het IDO mag doen",
            "idoMayNotDo" => "wat het IDO niet mag doen",
            var p when p.StartsWith("hours", StringComparison.Ordinal) => "bereikbaarheid",
            var p => p,
        };
        return $"Onderwerp {int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) + 1}: {part}";
    }

    private static List<string> Split(string lines) =>
        lines.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    private static string Lines(string? text) => string.Join("\n", Split((text ?? "").Replace("\r", "")));

    // ASCII digits ([0-9]; \d is any Unicode digit, which int.Parse refuses), at most 9 of them: the parse never throws.
    [GeneratedRegex(@"^topics\[([0-9]{1,9})\]\.(.+)$")]
    private static partial Regex FieldPath();
}
