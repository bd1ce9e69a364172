using Microsoft.Extensions.Primitives;

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

    public static LocationForm From(IFormCollection form)
    {
        var rows = new List<OpeningRow>();
        for (var i = 0; form.ContainsKey($"openingHours[{i}].day"); i++)
        {
            var row = new OpeningRow(Text(form[$"openingHours[{i}].day"]), Text(form[$"openingHours[{i}].opens"]), Text(form[$"openingHours[{i}].closes"]));
            if (!row.IsEmpty)
                rows.Add(row);
        }
        return new LocationForm(rows, form["ido.hasIdo"] == "true", Text(form["ido.openedOn"]));
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

    internal static string? Text(StringValues value) => string.IsNullOrWhiteSpace(value) ? null : value.ToString().Trim();
}
