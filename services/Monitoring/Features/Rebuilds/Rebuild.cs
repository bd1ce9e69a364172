namespace IdoPlatform.Monitoring.Features.Rebuilds;

public enum RebuildStatus { Running, Completed, Failed, Abandoned }

/// <summary>A rebuild of the aggregate tables from the log, as reported to its requester.</summary>
public sealed record Rebuild(
    Guid Id,
    int Version,
    RebuildStatus Status,
    long Events,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    double? EventsPerSecond,
    string? Error);
