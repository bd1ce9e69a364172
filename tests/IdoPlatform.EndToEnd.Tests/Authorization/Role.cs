using IdoPlatform.EndToEnd.Tests.Fixture;

namespace IdoPlatform.EndToEnd.Tests.Authorization;

/// <summary>The matrix's columns: every role, with a second organisation and a second agency for the
/// cross-organisation and cross-agency attempts. Each is a seeded demo account (its token from the gateway).</summary>
public enum Role
{
    Anonymous,
    DeskA,
    DeskB,
    AdminA,
    Uwv,
    Toeslagen,
    Monitor,
    PlatformAdmin,
}

public static class MatrixRoles
{
    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();

    public static string? DemoAccount(Role role) => role switch
    {
        Role.Anonymous => null,
        Role.DeskA => DemoWorld.DeskA,
        Role.DeskB => DemoWorld.DeskB,
        Role.AdminA => DemoWorld.AdminA,
        Role.Uwv => DemoWorld.Uwv,
        Role.Toeslagen => DemoWorld.Toeslagen,
        Role.Monitor => DemoWorld.Monitor,
        Role.PlatformAdmin => DemoWorld.PlatformAdmin,
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };
}

/// <summary>Through the gateway, or straight to the service (which must guard itself just as well).</summary>
public enum Route
{
    Gateway,
    Direct,
}
