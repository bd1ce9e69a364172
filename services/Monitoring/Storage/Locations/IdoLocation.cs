namespace IdoPlatform.Monitoring.Storage.Locations;

/// <summary>A stretch of days on which a location had an open IDO, with where it counted then.</summary>
/// <param name="Until">The first day it no longer counted; null while still open.</param>
public sealed record IdoPeriod(DateOnly From, DateOnly? Until, string Province, string MunicipalityCode, bool InsideLibrary)
{
    public bool OpenOn(DateOnly day) => From <= day && (Until is null || day < Until);
}

/// <summary>
/// A location's IDO history as heard from the offers service. Only the newest message counts
/// (<see cref="LastMessageAt"/>); a closed location stays closed (ids are never reused).
/// </summary>
public sealed record IdoLocation(
    string LocationId,
    Guid OrganisationId,
    DateTimeOffset LastMessageAt,
    bool Closed,
    IReadOnlyList<IdoPeriod> Periods)
{
    public IdoPeriod? OpenPeriod => Periods.Count > 0 && Periods[^1].Until is null ? Periods[^1] : null;

    public bool Equals(IdoLocation? other) =>
        other is not null && LocationId == other.LocationId && OrganisationId == other.OrganisationId &&
        LastMessageAt == other.LastMessageAt && Closed == other.Closed && Periods.SequenceEqual(other.Periods);

    public override int GetHashCode() => HashCode.Combine(LocationId, LastMessageAt, Closed, Periods.Count);
}
