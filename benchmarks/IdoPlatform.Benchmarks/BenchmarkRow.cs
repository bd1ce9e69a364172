namespace IdoPlatform.Benchmarks;

public sealed record BenchmarkRow(string What, double Value, string Unit, string Target)
{
    public static void Print(IReadOnlyList<BenchmarkRow> rows)
    {
        var width = rows.Max(r => r.What.Length);
        Console.WriteLine($"{"measure".PadRight(width)} | {"value",12} | {"unit",-10} | target");
        Console.WriteLine($"{new string('-', width)}-|-{new string('-', 12)}-|-{new string('-', 10)}-|-------");
        foreach (var r in rows)
            Console.WriteLine($"{r.What.PadRight(width)} | {r.Value,12:N2} | {r.Unit,-10} | {r.Target}");
    }
}
