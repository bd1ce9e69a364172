using IdoPlatform.Referrals.Features.Referrals;
using IdoPlatform.Contracts.Codes;

namespace IdoPlatform.Referrals.Tests.Domain;

public class ReferralCodeTests
{
    [Fact]
    public void New_codes_have_the_short_shape_and_only_unambiguous_characters()
    {
        for (var i = 0; i < 200; i++)
        {
            var code = ReferralCode.New();
            Assert.Matches("^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$", code);
        }
        Assert.DoesNotContain('0', ReferralCodes.Alphabet);
        Assert.DoesNotContain('O', ReferralCodes.Alphabet);
        Assert.DoesNotContain('1', ReferralCodes.Alphabet);
        Assert.DoesNotContain('I', ReferralCodes.Alphabet);
        Assert.DoesNotContain('L', ReferralCodes.Alphabet);
    }

    [Fact]
    public void New_codes_do_not_repeat_in_a_large_sample()
    {
        var codes = Enumerable.Range(0, 20_000).Select(_ => ReferralCode.New()).ToHashSet();
        Assert.Equal(20_000, codes.Count);
    }

    [Fact]
    public void Every_character_of_the_alphabet_is_used()
    {
        // A biased or truncated draw would leave characters out of a large sample.
        var seen = string.Concat(Enumerable.Range(0, 2_000).Select(_ => ReferralCode.New().Replace("-", ""))).ToHashSet();
        Assert.Equal(ReferralCodes.Alphabet.ToHashSet(), seen);
    }

    [Theory]
    [InlineData("K7QF-2M9D", "K7QF-2M9D")]
    [InlineData("k7qf2m9d", "K7QF-2M9D")]
    [InlineData(" k7qf 2m9d ", "K7QF-2M9D")]
    public void Normalize_accepts_what_people_type(string input, string expected) =>
        Assert.Equal(expected, ReferralCodes.Normalize(input));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("K7QF-2M9")]
    [InlineData("K7QF-2M9DX")]
    [InlineData("K0QF-2M9D")]
    [InlineData("K7QF_2M9D")]
    [InlineData("O0O0-1111")]
    public void Normalize_refuses_what_cannot_be_a_code(string? input) => Assert.Null(ReferralCodes.Normalize(input));
}
