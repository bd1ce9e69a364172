using System.Security.Claims;
using IdoPlatform.Gateway.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace IdoPlatform.Gateway.Tests;

public sealed class ValidatedTokenCacheTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private readonly ManualClock _clock = new(Start);
    private readonly CountingHandler _inner = new();

    private ValidatedTokenCache Cache(int capacity = 100) => new(_inner, _clock, TimeSpan.FromMinutes(1), capacity);

    [Fact]
    public async Task A_valid_token_is_checked_once_and_each_caller_gets_its_own_identity()
    {
        var cache = Cache();
        _inner.Answer("t", valid: true, expires: Start.AddHours(1));

        var first = await cache.ValidateTokenAsync("t", new TokenValidationParameters());
        var second = await cache.ValidateTokenAsync("t", new TokenValidationParameters());

        Assert.True(second.IsValid);
        Assert.Equal(1, _inner.Calls);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Equal("desk-1", second.ClaimsIdentity.FindFirst("sub")?.Value);
    }

    [Fact]
    public async Task An_invalid_token_is_checked_every_time()
    {
        var cache = Cache();
        _inner.Answer("forged", valid: false, expires: Start.AddHours(1));

        Assert.False((await cache.ValidateTokenAsync("forged", new TokenValidationParameters())).IsValid);
        Assert.False((await cache.ValidateTokenAsync("forged", new TokenValidationParameters())).IsValid);
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task A_remembered_token_is_checked_again_after_the_maximum_age()
    {
        var cache = Cache();
        _inner.Answer("t", valid: true, expires: Start.AddHours(1));
        await cache.ValidateTokenAsync("t", new TokenValidationParameters());

        _clock.Now = Start.AddSeconds(61);
        await cache.ValidateTokenAsync("t", new TokenValidationParameters());

        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task A_token_is_never_remembered_past_its_expiry()
    {
        var cache = Cache();
        _inner.Answer("t", valid: true, expires: Start.AddSeconds(10));
        await cache.ValidateTokenAsync("t", new TokenValidationParameters());

        _clock.Now = Start.AddSeconds(11);
        _inner.Answer("t", valid: false, expires: Start.AddSeconds(10));
        var later = await cache.ValidateTokenAsync("t", new TokenValidationParameters());

        Assert.False(later.IsValid);
        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task A_full_cache_starts_over_instead_of_growing()
    {
        var cache = Cache(capacity: 2);
        foreach (var token in new[] { "a", "b", "c" })
        {
            _inner.Answer(token, valid: true, expires: Start.AddHours(1));
            await cache.ValidateTokenAsync(token, new TokenValidationParameters());
        }

        await cache.ValidateTokenAsync("a", new TokenValidationParameters()); // dropped when c came in

        Assert.Equal(4, _inner.Calls);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class CountingHandler : TokenHandler
    {
        private readonly Dictionary<string, (bool Valid, DateTimeOffset Expires)> _answers = [];
        public int Calls { get; private set; }

        public void Answer(string token, bool valid, DateTimeOffset expires) => _answers[token] = (valid, expires);

        public override Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
        {
            Calls++;
            var (valid, expires) = _answers[token];
            var jwt = new JsonWebToken(new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Subject = new ClaimsIdentity([new Claim("sub", "desk-1")]),
                IssuedAt = expires.UtcDateTime.AddHours(-2),
                NotBefore = expires.UtcDateTime.AddHours(-2),
                Expires = expires.UtcDateTime,
            }));
            return Task.FromResult(valid
                ? new TokenValidationResult { IsValid = true, SecurityToken = jwt, ClaimsIdentity = new ClaimsIdentity([new Claim("sub", "desk-1")], "test") }
                : new TokenValidationResult { IsValid = false, Exception = new SecurityTokenInvalidSignatureException("forged") });
        }
    }
}
