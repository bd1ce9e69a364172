namespace IdoPlatform.Monitoring.Storage.Cubes;

/// <summary>One cell's coordinates: the time bucket and up to three dimension values (unused ones null).</summary>
public readonly record struct CubeKey(DateOnly Bucket, string? A, string? B, string? C)
{
    public string?[] Values(int count) => count switch
    {
        0 => [],
        1 => [A],
        2 => [A, B],
        _ => [A, B, C],
    };
}

/// <summary>What a cell holds: visits and questions (both move together: no cell has one without the other).</summary>
public readonly record struct CubeCounts(int Visits, int Questions)
{
    public static CubeCounts operator +(CubeCounts a, CubeCounts b) => new(a.Visits + b.Visits, a.Questions + b.Questions);
    public static CubeCounts operator -(CubeCounts a) => new(-a.Visits, -a.Questions);
    public bool IsZero => Visits == 0 && Questions == 0;
}
