namespace IdoPlatform.Monitoring.Features.Freshness;

/// <param name="EventsBehind">Recorded messages the projection has not yet counted.</param>
/// <param name="SecondsBehind">Age of the oldest of those; 0 when it is up to date.</param>
public sealed record ProjectionFreshness(string Name, long EventsBehind, double SecondsBehind, DateTimeOffset? LastProgressAt);

/// <param name="LastRecordedAt">When the newest message was recorded in the log.</param>
/// <param name="Rebuild">The rebuild in progress, if any (its tables do not serve yet).</param>
public sealed record FreshnessResponse(
    DateTimeOffset CheckedAt,
    DateTimeOffset? LastRecordedAt,
    int ServingVersion,
    IReadOnlyList<ProjectionFreshness> Projections,
    RebuildProgress? Rebuild);

public sealed record RebuildProgress(Guid Id, int Version, long EventsRead, DateTimeOffset StartedAt);
