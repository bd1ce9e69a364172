using IdoPlatform.BuildingBlocks.Security;

namespace IdoPlatform.Monitoring.Reporting;

/// <summary>
/// Who a report is for decides what it may show: national roles get suppressed aggregates of everything;
/// a library organisation gets its own locations, unsuppressed, and nothing else.
/// </summary>
public sealed record ReportAudience(bool Suppressed, Guid? OwnOrganisation, string? OwnAgency)
{
    /// <summary>The audience of an account the endpoint let in (its roles are declared there, see the lists below); a
    /// role without an audience is a programming error, never shown data by default.</summary>
    public static ReportAudience For(CurrentAccount account) => account.Role switch
    {
        Roles.Monitor or Roles.PlatformAdmin => new ReportAudience(true, null, null),
        Roles.LibraryAdmin or Roles.Desk when account.OrganisationId is { } org => new ReportAudience(false, org, null),
        Roles.Agency when account.AgencyCode is { } agency => new ReportAudience(true, null, agency),
        _ => throw new InvalidOperationException($"Role '{account.Role}' has no report audience; check the endpoint's roles."),
    };

    public static readonly string[] QuestionCountRoles = [Roles.Monitor, Roles.PlatformAdmin, Roles.LibraryAdmin, Roles.Desk];

    public static readonly string[] ReferralOutcomeRoles =
        [Roles.Monitor, Roles.PlatformAdmin, Roles.Agency, Roles.LibraryAdmin, Roles.Desk];
}
