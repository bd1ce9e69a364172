using System.Collections.Concurrent;
using Microsoft.IdentityModel.Tokens;

namespace IdoPlatform.Gateway.Auth;

/// <summary>Remembers tokens that passed validation, so the gateway checks a client's token once instead
/// of on each of its requests (signature and claim checks are a large part of the gateway's own cost per
/// request). Only valid results are kept, each until the earlier of the token's expiry and
/// <see cref="MaxAge"/>, so a key rotation or an expiry takes effect within that time; a full cache is
/// emptied rather than grown. Each caller gets its own copy of the identity.</summary>
internal sealed class ValidatedTokenCache(TokenHandler inner, TimeProvider clock, TimeSpan maxAge, int capacity) : TokenHandler
{
    private readonly ConcurrentDictionary<string, Entry> _valid = new(StringComparer.Ordinal);

    public TimeSpan MaxAge => maxAge;

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow();
        if (_valid.TryGetValue(token, out var entry))
        {
            if (entry.Until > now)
                return Copy(entry.Result);
            _valid.TryRemove(token, out _);
        }

        var result = await inner.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken is { } securityToken && result.ClaimsIdentity is not null)
        {
            var expires = new DateTimeOffset(DateTime.SpecifyKind(securityToken.ValidTo, DateTimeKind.Utc));
            var until = expires < now + maxAge ? expires : now + maxAge;
            if (_valid.Count >= capacity)
                _valid.Clear();
            _valid[token] = new Entry(result, until);
        }
        return result;
    }

    public override Task<TokenValidationResult> ValidateTokenAsync(SecurityToken token, TokenValidationParameters validationParameters) =>
        inner.ValidateTokenAsync(token, validationParameters);

    public override SecurityToken ReadToken(string token) => inner.ReadToken(token);

    private static TokenValidationResult Copy(TokenValidationResult cached) => new()
    {
        IsValid = true,
        ClaimsIdentity = cached.ClaimsIdentity.Clone(),
        SecurityToken = cached.SecurityToken,
        Issuer = cached.Issuer,
        TokenType = cached.TokenType,
    };

    private sealed record Entry(TokenValidationResult Result, DateTimeOffset Until);
}
