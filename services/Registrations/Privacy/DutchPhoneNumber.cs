namespace IdoPlatform.Registrations.Privacy;

/// <summary>Dutch phone numbers: ten digits starting with 0, or +31/0031 with the leading 0 dropped
/// (or kept as "(0)"). Free-phone, paid information and 088 company numbers are not personal and pass.</summary>
internal static class DutchPhoneNumber
{
    private static readonly string[] ServicePrefixes = ["0800", "0900", "0906", "0909", "088"];

    public static bool Matches(NumberChain chain)
    {
        foreach (var national in NationalForms(chain))
        {
            if (national.Length != 10 || national[0] != '0' || national[1] == '0') continue;
            if (ServicePrefixes.Any(national.StartsWith)) continue;
            return true;
        }
        return false;
    }

    private static IEnumerable<string> NationalForms(NumberChain chain)
    {
        var d = chain.Digits;
        string? international = chain.LeadingPlus && d.StartsWith("31") ? d[2..]
            : d.StartsWith("0031") ? d[4..]
            : null;
        if (international is not null)
        {
            yield return "0" + international.TrimStart('0');
            yield break;
        }
        yield return d;
        foreach (var group in chain.Groups) yield return group;
    }
}
