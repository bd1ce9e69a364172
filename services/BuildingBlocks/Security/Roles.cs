namespace IdoPlatform.BuildingBlocks.Security;

/// <summary>The roles our tokens carry in the <c>role</c> claim. Each is also the name of an
/// authorization policy requiring it.</summary>
public static class Roles
{
    /// <summary>Library desk staff registering visits (needs <c>org</c>).</summary>
    public const string Desk = "desk";
    /// <summary>Library organisation administrator: locations and offers (needs <c>org</c>).</summary>
    public const string LibraryAdmin = "library-admin";
    /// <summary>A government agency of the NPD (needs <c>agency</c>).</summary>
    public const string Agency = "agency";
    /// <summary>National monitoring: KB, ministry, provinces, municipalities.</summary>
    public const string Monitor = "monitor";
    public const string PlatformAdmin = "platform-admin";

    public static IReadOnlyList<string> All { get; } = [Desk, LibraryAdmin, Agency, Monitor, PlatformAdmin];

    public static bool NeedsOrganisation(string role) => role is Desk or LibraryAdmin;
}

/// <summary>Claim names in our tokens.</summary>
public static class PlatformClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Organisation = "org";
    public const string Agency = "agency";
    /// <summary>The person's name for display (OpenID Connect's standard claim); no service reads it.</summary>
    public const string Name = "name";
}
