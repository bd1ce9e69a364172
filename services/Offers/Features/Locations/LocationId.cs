using System.Text.RegularExpressions;
using IdoPlatform.Offers.Common;

namespace IdoPlatform.Offers.Features.Locations;

/// <summary>
/// ISIL-like location ids: <c>NL-</c>, the organisation's six-digit number, <c>-</c>, a four-digit branch
/// number. The stream id is derived from the id, so an id once used (even by a closed location) can never be used again.
/// </summary>
public static partial class LocationId
{
    [GeneratedRegex("^NL-[0-9]{6}-[0-9]{4}$")]
    private static partial Regex Shape();

    public static bool IsValid(string? id) => id is not null && Shape().IsMatch(id);

    public static string Format(string organisationNumber, int branch) => $"NL-{organisationNumber}-{branch:D4}";

    public static int Branch(string id) => int.Parse(id.AsSpan(^4));

    public static Guid StreamId(string id) => StreamIds.For("location", id);
}
