namespace IdoPlatform.Registrations.Privacy;

/// <summary>The BSN "elfproef": 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not all zeros).</summary>
public static class Elfproef
{
    public static bool IsValidBsn(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 9) return false;
        var sum = 0;
        var allZero = true;
        for (var i = 0; i < 9; i++)
        {
            if (!char.IsAsciiDigit(digits[i])) return false;
            var d = digits[i] - '0';
            allZero &= d == 0;
            sum += i < 8 ? d * (9 - i) : -d;
        }
        return !allZero && sum % 11 == 0;
    }
}
