namespace IdoPlatform.BuildingBlocks.Tests.EventStore;

public sealed record Counted(int Number);

public sealed record Renamed(string Name);

/// <summary>Version 2 of "greeted": version 1 had a single "text" field.</summary>
public sealed record Greeted(string Greeting, string Audience);

/// <summary>Version 1 of "greeted", as older code wrote it.</summary>
public sealed record GreetedV1(string Text);

/// <summary>A stream's state: the sum of its numbers and its name.</summary>
public sealed record Counter(Guid Id, int Total, string? Name)
{
    public static Counter? Evolve(Counter? counter, object e)
    {
        var state = counter ?? new Counter(Guid.Empty, 0, null);
        return e switch
        {
            Counted c => state with { Total = state.Total + c.Number },
            Renamed r => state with { Name = r.Name },
            _ => state,
        };
    }
}

/// <summary>Deliberately never registered.</summary>
public sealed record LeftUnmapped(string Why);
