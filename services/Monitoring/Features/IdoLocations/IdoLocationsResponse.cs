namespace IdoPlatform.Monitoring.Features.IdoLocations;

public sealed record IdoLocationsResponse(
    DateOnly Date,
    IReadOnlyList<string> GroupBy,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    IReadOnlyList<IdoLocationsRow> Rows);

public sealed record IdoLocationsRow(string? Province, string? Municipality, long OpenLocations, long InsideLibrary, long OutsideLibrary);
