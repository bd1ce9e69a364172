using System.Security.Cryptography;
using IdoPlatform.Contracts.Codes;

namespace IdoPlatform.Referrals.Features.Referrals;

/// <summary>
/// Draws new referral codes (<see cref="ReferralCodes"/> says their shape) with a cryptographic RNG:
/// 30^8 ≈ 6.6·10^11 codes, so guessing a live one is hopeless.
/// </summary>
public static class ReferralCode
{
    public static string New() =>
        ReferralCodes.Format(RandomNumberGenerator.GetItems<char>(ReferralCodes.Alphabet, ReferralCodes.Length));
}
