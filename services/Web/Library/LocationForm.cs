using IdoPlatform.Web.Desk;

namespace IdoPlatform.Web.Library;

/// <summary>One opening period as typed (strings, so a bad one can be shown again as it was).</summary>
public sealed record OpeningRow(string? Day, string? Opens, string? Closes)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Opens) && string.IsNullOrWhiteSpace(Closes);
}

/// <summary>What a library admin changes of a location: its opening hours and whether it has an IDO. The form's field
/// names are the API's (<c>openingHours[0].opens</c>), so each reason of a 400 lands at its field. Rows left empty are
/// dropped before sending, and the form is shown again from the rows sent, so the API's row numbers match.</summary>
public sealed record LocationForm(IReadOnlyList<OpeningRow> Hours, bool HasIdo, string? IdoOpenedOn)
{
    /// <summary>Empty rows offered below the existing ones, for adding periods without a script.</summary>
    public const int SpareRows = 3;

    public static LocationForm From(AdminLocationDto location) => new(
        location.OpeningHours.Select(p => new OpeningRow(p.Day, p.Opens, p.Closes)).ToList(),
        location.Ido.HasIdo, LibraryText.Iso(location.Ido.OpenedOn));

    /// <summary>Rows read: the page writes one per stored period plus <see cref="SpareRows"/>, far fewer (two digits, as the
    /// referral profile's).</summary>
    private const int MaxRows = 100;

    /// <summary>What the admin reads for a row number the page never writes (a crafted or broken post).</summary>
    public const string UnknownRow = "Het formulier stuurde een openingstijd die niet op deze pagina staat. Controleer de openingstijden en sla opnieuw op.";

    /// <summary>The form as posted, and the reasons when it names a row the page never writes or sends a field of one
    /// value twice: refused before anything is sent, not dropped unseen or joined ("a,b").</summary>
    public static (LocationForm Form, FieldErrors Unreadable) Read(IFormCollection form)
    {
        var fields = new FormFields(form);
        var (indexes, allKnown) = FormList.Indexes(form.Keys, "openingHours", MaxRows);
        if (!allKnown)
            fields.Refuse("openingHours", UnknownRow);
        var rows = indexes.Select(i => new OpeningRow(fields.Text($"openingHours[{i}].day"), fields.Text($"openingHours[{i}].opens"),
            fields.Text($"openingHours[{i}].closes"))).Where(row => !row.IsEmpty).ToList();
        return (new LocationForm(rows, fields.Text("ido.hasIdo") == "true", fields.Text("ido.openedOn")), fields.Unreadable);
    }

    /// <summary>The PUT body: the location as it is, with this form's changes (PUT replaces the whole location).</summary>
    public object ToChange(AdminLocationDto current) => new
    {
        name = current.Name,
        kind = current.Kind,
        address = current.Address,
        municipality = current.Municipality,
        province = current.Province,
        coordinates = current.Coordinates,
        openingHours = Hours.Select(h => new { day = h.Day, opens = h.Opens, closes = h.Closes }).ToList(),
        ido = new { hasIdo = HasIdo, openedOn = IdoOpenedOn, insideLibrary = current.Ido.InsideLibrary },
        visible = current.Visible,
    };
}
