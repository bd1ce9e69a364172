namespace IdoPlatform.BuildingBlocks.Tests.EventStore;

public sealed record Counted(int Number);

public sealed record Renamed(string Name);

/// <summary>Version 2 of "greeted": version 1 had a single "text" field.</summary>
public sealed record Greeted(string Greeting, string Audience);
