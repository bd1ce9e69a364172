using IdoPlatform.Launcher;

namespace IdoPlatform.EndToEnd.Tests.Fixture;

/// <summary>
/// What the demo seed gives every test (read from <c>seeds/</c>, not copied): two library organisations with
/// their desk and admin accounts and IDO locations, two agencies. Each test works at locations of its own
/// (see the properties), so the counts one test asserts are never moved by another.
/// </summary>
public sealed record DemoWorld(
    Guid OrganisationA,
    Guid OrganisationB,
    IReadOnlyList<string> IdoLocationsA,
    IReadOnlyList<string> IdoLocationsB)
{
    public const string DeskA = "balie-stad-en-ommeland";
    public const string AdminA = "beheer-stad-en-ommeland";
    public const string DeskB = "balie-friese-wouden";
    public const string AdminB = "beheer-friese-wouden";
    public const string Uwv = "uwv";
    public const string Toeslagen = "toeslagen";
    public const string Monitor = "monitor";
    public const string PlatformAdmin = "platform-beheer";

    /// <summary>Journey 2 (referral arrives).</summary>
    public string ReferralJourneyLocation => IdoLocationsA[0];

    /// <summary>Journey 3 (register, correct, void).</summary>
    public string CorrectionJourneyLocation => IdoLocationsA[1];

    /// <summary>The authorization matrix's organisation-A location.</summary>
    public string MatrixLocationA => IdoLocationsA[2];

    /// <summary>The authorization matrix's organisation-B location.</summary>
    public string MatrixLocationB => IdoLocationsB[0];

    /// <summary>Journey 5 (a note erased).</summary>
    public string ErasureJourneyLocation => IdoLocationsB[1];

    /// <summary>Journey 4 (broker outage during a burst).</summary>
    public string BurstLocation => IdoLocationsB[^1];

    public static DemoWorld Load(string repositoryRoot)
    {
        var accounts = DemoAccounts.Load(repositoryRoot);
        Guid Organisation(string username) => accounts.Single(a => a.Username == username).OrganisationId
            ?? throw new InvalidDataException($"Demo account {username} has no organisation.");
        var a = Organisation(DeskA);
        var b = Organisation(DeskB);

        using var libraries = JsonDocument.Parse(File.ReadAllText(Path.Combine(repositoryRoot, "seeds", "demo-libraries.json")));
        List<string> IdoLocationsOf(Guid organisation) => libraries.RootElement.GetProperty("locations").EnumerateArray()
            .Where(l => l.GetProperty("organisationId").GetGuid() == organisation
                && l.GetProperty("ido").GetProperty("hasIdo").GetBoolean()
                && (!l.TryGetProperty("visible", out var visible) || visible.GetBoolean()))
            .Select(l => l.GetProperty("locationId").GetString()!)
            .Order(StringComparer.Ordinal)
            .ToList();
        var world = new DemoWorld(a, b, IdoLocationsOf(a), IdoLocationsOf(b));
        if (world.IdoLocationsA.Count < 3 || world.IdoLocationsB.Count < 3)
            throw new InvalidDataException("The end-to-end tests need 3 IDO locations of organisation A and 3 of B in seeds/demo-libraries.json.");
        return world;
    }
}
