using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Security.Claims;
using Microsoft.AspNetCore.Http;

namespace IdoPlatform.BuildingBlocks.Security;

/// <summary>Who is calling, read from the validated token. Take it as an endpoint parameter:
/// <c>(CurrentAccount account) =&gt; ...</c> (a 401 when nobody is signed in), or
/// <c>CurrentAccount?</c> on endpoints open to anonymous callers.</summary>
public sealed record CurrentAccount(string AccountId, string Role, Guid? OrganisationId = null, string? AgencyCode = null)
{
    public bool IsInRole(string role) => Role == role;

    /// <summary>The account of a signed-in principal; null for anonymous or unreadable claims.</summary>
    public static CurrentAccount? From(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && TryRead(user, out var account, out _) ? account : null;

    /// <summary>Reads and checks the claims: sub, exactly one known role, org (a UUID) for desk and
    /// library-admin, agency for agency.</summary>
    public static bool TryRead(ClaimsPrincipal user, [NotNullWhen(true)] out CurrentAccount? account, [NotNullWhen(false)] out string? error)
    {
        account = null;
        var subject = user.FindFirst(PlatformClaims.Subject)?.Value;
        var roles = user.FindAll(PlatformClaims.Role).Select(c => c.Value).ToList();
        error = subject switch
        {
            null or "" => "The token has no 'sub' claim.",
            _ when roles.Count != 1 => "The token must carry exactly one 'role' claim.",
            _ when !Roles.All.Contains(roles[0]) => $"Unknown role '{roles[0]}'.",
            _ => null,
        };
        if (error is not null) return false;

        var role = roles[0];
        Guid? organisation = null;
        if (Roles.NeedsOrganisation(role))
        {
            if (!Guid.TryParse(user.FindFirst(PlatformClaims.Organisation)?.Value, out var org) || org == Guid.Empty)
            {
                error = $"Role '{role}' needs an 'org' claim holding the organisation id.";
                return false;
            }
            organisation = org;
        }
        var agency = user.FindFirst(PlatformClaims.Agency)?.Value;
        if (role == Roles.Agency && string.IsNullOrWhiteSpace(agency))
        {
            error = "Role 'agency' needs an 'agency' claim holding the agency code.";
            return false;
        }

        account = new CurrentAccount(subject!, role, organisation, role == Roles.Agency ? agency : null);
        return true;
    }

    /// <summary>The claims a token for this account carries.</summary>
    public IEnumerable<Claim> ToClaims()
    {
        yield return new Claim(PlatformClaims.Subject, AccountId);
        yield return new Claim(PlatformClaims.Role, Role);
        if (OrganisationId is { } org) yield return new Claim(PlatformClaims.Organisation, org.ToString());
        if (AgencyCode is { } agency) yield return new Claim(PlatformClaims.Agency, agency);
    }

    /// <summary>Minimal API binding: a non-nullable parameter demands a signed-in caller (401).</summary>
    public static ValueTask<CurrentAccount?> BindAsync(HttpContext http, ParameterInfo parameter)
    {
        var account = From(http.User);
        if (account is null && new NullabilityInfoContext().Create(parameter).WriteState == NullabilityState.NotNull)
            throw new NotSignedInException();
        return ValueTask.FromResult(account);
    }
}

/// <summary>An endpoint needed a signed-in account and there was none: answered with 401.</summary>
public sealed class NotSignedInException() : Exception("This endpoint needs a signed-in account.");
