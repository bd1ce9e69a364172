namespace IdoPlatform.Web.Desk;

/// <summary>A posted form read field by field, with what in it the page never sends. A field of one value that comes
/// more than once (a crafted or broken post) is refused at that field, not taken first or joined with a comma; the
/// reader's caller adds its own reasons (<see cref="Refuse"/>), so the page gets them all in reading order. Fields that
/// are meant to repeat (checkboxes, the offer's exceptions) are read from the form itself.</summary>
public sealed class FormFields(IFormCollection form)
{
    /// <summary>What the page's user reads for a field of one value that came more than once.</summary>
    public const string Doubled = "Meer dan één waarde ontvangen: kies of vul er één in.";

    private readonly List<(string Field, string Reason)> _refused = [];

    /// <summary>The field's value trimmed; null when absent or blank.</summary>
    public string? Text(string name) => Raw(name) is { } text && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <summary>The field's value as sent (null when absent), for a caller that keeps its own spacing.</summary>
    public string? Raw(string name)
    {
        var values = form[name];
        if (values.Count > 1)
            Refuse(name, Doubled);
        return values.FirstOrDefault();
    }

    /// <summary>Adds a reason the form cannot be taken as sent; the same reason at the same field counts once.</summary>
    public void Refuse(string field, string reason)
    {
        if (!_refused.Contains((field, reason)))
            _refused.Add((field, reason));
    }

    /// <summary>Every reason so far, each at its field (none: the form is as the page writes it).</summary>
    public FieldErrors Unreadable => FieldErrors.Of([.. _refused]);
}
