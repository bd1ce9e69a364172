using System.Text;
using System.Text.RegularExpressions;

namespace IdoPlatform.Registrations.Privacy;

/// <summary>
/// Screens free text for things that look like personal data. Pure and conservative: it would
/// rather refuse a harmless note (the desk can rephrase) than store a BSN. Reasons never repeat the value.
/// </summary>
public static partial class PiiScreen
{
    public static IReadOnlyList<PiiFinding> Screen(string? text, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var found = new SortedSet<PiiKind>();

        // E-mail addresses and IBANs go first and are blanked out, so their digits are not read again
        // as phone numbers or BSNs (an IBAN's account part is ten digits, like a phone number).
        var masked = new StringBuilder(text);
        if (Mask(masked, EmailPattern().Matches(text).Select(m => (m.Index, m.Length)))) found.Add(PiiKind.Email);
        if (Mask(masked, FindIbans(text))) found.Add(PiiKind.Iban);
        var rest = masked.ToString();

        foreach (var chain in NumberChain.FindAll(rest))
        {
            if (chain.Candidates().Any(d => Elfproef.IsValidBsn(d))) found.Add(PiiKind.Bsn);
            if (DutchPhoneNumber.Matches(chain)) found.Add(PiiKind.PhoneNumber);
        }
        if (PostcodeThenNumber().IsMatch(rest) || NumberThenPostcode().IsMatch(rest)) found.Add(PiiKind.PostcodeWithHouseNumber);
        if (LooksLikeBirthDate(rest, today)) found.Add(PiiKind.BirthDate);
        if (TitleAndName().IsMatch(rest) || NameLabel().IsMatch(rest)) found.Add(PiiKind.Name);

        return found.Select(k => new PiiFinding(k, ReasonFor(k))).ToList();
    }

    public static string ReasonFor(PiiKind kind) => "Bevat iets dat lijkt op " + kind switch
    {
        PiiKind.Bsn => "een BSN (9 cijfers die de elfproef doorstaan)",
        PiiKind.Email => "een e-mailadres",
        PiiKind.PhoneNumber => "een Nederlands telefoonnummer",
        PiiKind.Iban => "een IBAN (rekeningnummer)",
        PiiKind.PostcodeWithHouseNumber => "een adres (postcode met huisnummer)",
        PiiKind.BirthDate => "een geboortedatum",
        PiiKind.Name => "een naam",
        _ => "persoonsgegevens",
    } + ". Registraties zijn anoniem: laat persoonsgegevens weg.";

    private static bool Mask(StringBuilder text, IEnumerable<(int Index, int Length)> spans)
    {
        var any = false;
        foreach (var (index, length) in spans)
        {
            for (var i = index; i < index + length; i++) text[i] = ' ';
            any = true;
        }
        return any;
    }

    /// <summary>IBANs as people write them: upper or lower case, with or without a space every four characters.</summary>
    private static IEnumerable<(int Index, int Length)> FindIbans(string text)
    {
        foreach (Match start in IbanStart().Matches(text))
        {
            // Gather up to 34 letters/digits, allowing single spaces between them.
            var compact = new StringBuilder();
            var ends = new List<int>();
            for (var i = start.Index; i < text.Length && compact.Length < 34; i++)
            {
                if (char.IsAsciiLetterOrDigit(text[i])) { compact.Append(text[i]); ends.Add(i + 1); }
                else if (text[i] == ' ' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]) && compact.Length > 0) continue;
                else break;
            }
            var candidate = compact.ToString();
            var lengths = candidate[..2].ToUpperInvariant() switch
            {
                "NL" => [18],
                "BE" => [16],
                "DE" => [22],
                _ => Enumerable.Range(15, 20).ToArray(),
            };
            foreach (var length in lengths)
            {
                if (length > candidate.Length) continue;
                if (IbanCheck.HasValidChecksum(candidate.AsSpan(0, length)))
                {
                    yield return (start.Index, ends[length - 1] - start.Index);
                    break;
                }
            }
        }
    }

    private static bool LooksLikeBirthDate(string text, DateOnly today)
    {
        // A full date at least twelve years back is far more likely someone's birthday than a visit fact.
        var oldest = today.AddYears(-12);
        foreach (var date in FullDates(text))
            if (date.Year >= 1900 && date <= oldest) return true;
        return BirthWord().IsMatch(text) && (FullDates(text).Any() || YearPattern().IsMatch(text));
    }

    private static IEnumerable<DateOnly> FullDates(string text)
    {
        foreach (Match m in DayMonthYear().Matches(text))
            if (TryDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, out var date)) yield return date;
        foreach (Match m in YearMonthDay().Matches(text))
            if (TryDate(m.Groups["y"].Value, m.Groups["m"].Value, m.Groups["d"].Value, out var date)) yield return date;
        foreach (Match m in DayMonthNameYear().Matches(text))
        {
            var month = MonthNumber(m.Groups["m"].Value);
            if (month > 0 && TryDate(m.Groups["y"].Value, month.ToString(), m.Groups["d"].Value, out var date)) yield return date;
        }
    }

    private static bool TryDate(string year, string month, string day, out DateOnly date)
    {
        date = default;
        if (!int.TryParse(year, out var y) || !int.TryParse(month, out var m) || !int.TryParse(day, out var d)) return false;
        if (y is < 1 or > 9999 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return false;
        date = new DateOnly(y, m, d);
        return true;
    }

    private static int MonthNumber(string name) => name.ToLowerInvariant()[..3] switch
    {
        "jan" => 1, "feb" => 2, "maa" or "mrt" => 3, "apr" => 4, "mei" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "okt" => 10, "nov" => 11, "dec" => 12,
        _ => 0,
    };

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+ ?@ ?[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Za-z]{2}[0-9]{2}(?=[A-Za-z0-9 ])")]
    private static partial Regex IbanStart();

    // 1234 AB 12 / 1234AB, 12a — letters in capitals when spaced, so "1000 en 2" is not an address.
    [GeneratedRegex(@"(?<![0-9])[1-9][0-9]{3}(?:[A-Za-z]{2}| [A-Z]{2})(?![A-Za-z])[ ,\-]*(?:(?i:huisnummer|huisnr|nummer|nr)\.?[ :]*)?[0-9]{1,5}(?![0-9])")]
    private static partial Regex PostcodeThenNumber();

    [GeneratedRegex(@"(?<![0-9])[0-9]{1,5}[A-Za-z]?,? +[1-9][0-9]{3}(?:[A-Za-z]{2}| [A-Z]{2})(?![A-Za-z])")]
    private static partial Regex NumberThenPostcode();

    [GeneratedRegex(@"(?<![0-9])(?<d>[0-9]{1,2})[\-/.](?<m>[0-9]{1,2})[\-/.](?<y>[0-9]{4})(?![0-9])")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"(?<![0-9])(?<y>[0-9]{4})-(?<m>[0-9]{2})-(?<d>[0-9]{2})(?![0-9])")]
    private static partial Regex YearMonthDay();

    [GeneratedRegex(@"(?<![0-9])(?<d>[0-9]{1,2}) +(?<m>jan(?:uari)?|feb(?:ruari)?|maart|mrt|apr(?:il)?|mei|jun[i]?|jul[i]?|aug(?:ustus)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.? +(?<y>[0-9]{4})(?![0-9])", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthNameYear();

    [GeneratedRegex(@"\b(?:geboren|geb\.|geboortedatum|geboortejaar)", RegexOptions.IgnoreCase)]
    private static partial Regex BirthWord();

    [GeneratedRegex(@"(?<![0-9])(?:19|20)[0-9]{2}(?![0-9])")]
    private static partial Regex YearPattern();

    // A title followed by a capitalised word ("mevr. Jansen", "de heer De Vries"): a name.
    [GeneratedRegex(@"\b(?i:dhr|mevr|mw|meneer|mijnheer|mevrouw|de heer)\.? +(?:(?i:van|de|der|den|ter|ten|het)\.? +)*[A-Z][a-z]")]
    private static partial Regex TitleAndName();

    [GeneratedRegex(@"\b(?i:naam|achternaam|voornaam) *[:=] *\p{L}")]
    private static partial Regex NameLabel();
}
