namespace IdoPlatform.Gateway.DemoTokens;

/// <summary>One demo account from <c>seeds/demo-accounts.json</c>: public demo credentials and the
/// claims its token carries.</summary>
public sealed record DemoAccount(
    string Username,
    string Password,
    string Subject,
    string DisplayName,
    string Role,
    Guid? OrganisationId = null,
    string? Agency = null);

internal sealed record DemoAccountsFile(IReadOnlyList<DemoAccount> Accounts);
