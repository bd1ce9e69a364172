using IdoPlatform.Registrations.Privacy;

namespace IdoPlatform.Registrations.Tests.Unit;

public class PiiScreenTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static PiiKind[] Kinds(string text) => PiiScreen.Screen(text, Today).Select(f => f.Kind).ToArray();

    [Theory]
    [InlineData("Hulp bij het aanvragen van huurtoeslag; vervolgafspraak volgende week.")]
    [InlineData("DigiD-app geïnstalleerd, 2 keer geprobeerd, 10-20 minuten bezig.")]
    [InlineData("Belastingtelefoon 0800-0543 gebeld samen met bezoeker.")]
    [InlineData("UWV gebeld via 088 898 92 94.")]
    [InlineData("Aangifte 2024 en 2025 doorgenomen, 3 brieven uitgelegd.")]
    [InlineData("Mevrouw wilde hulp met MijnOverheid.")]
    [InlineData("Verwezen naar postcodegebied 1234 AB voor de wijkteams.")]
    [InlineData("Wachtte 1000 en 2 minuten.")]
    [InlineData("Code 123456789 van de brief klopt niet.")] // 9 digits failing the elfproef
    [InlineData("Afspraak op 12-03-2026 voor de vervolghulp.")]
    [InlineData("")]
    public void Lets_ordinary_desk_notes_pass(string note) => Assert.Empty(Kinds(note));

    [Theory]
    [InlineData("bsn 123456782")]
    [InlineData("BSN: 111222333.")]
    [InlineData("nummer 123.456.782 op de brief")]
    [InlineData("nummer 123 456 782")]
    [InlineData("123-456-782")]
    public void Finds_a_BSN_that_passes_the_elfproef(string note) => Assert.Contains(PiiKind.Bsn, Kinds(note));

    [Theory]
    [InlineData("mail naar jan.jansen@example.nl sturen")]
    [InlineData("JAN_J+ido@Sub.Example.COM")]
    [InlineData("info @ gemeente-utrecht.nl")]
    public void Finds_an_email_address(string note) => Assert.Equal([PiiKind.Email], Kinds(note));

    [Theory]
    [InlineData("bel terug op 06-12345678")]
    [InlineData("0612345678")]
    [InlineData("+31 6 12345678")]
    [InlineData("+31 (0)6 1234 5678")]
    [InlineData("0031612345678")]
    [InlineData("tel 020 123 4567")]
    [InlineData("(020) 1234567")]
    [InlineData("030-1234567 vanmiddag")]
    public void Finds_a_Dutch_phone_number(string note) => Assert.Contains(PiiKind.PhoneNumber, Kinds(note));

    [Theory]
    [InlineData("rekening NL91ABNA0417164300")]
    [InlineData("nl91 abna 0417 1643 00 graag")]
    [InlineData("BE68539007547034")]
    [InlineData("DE89 3704 0044 0532 0130 00")]
    public void Finds_an_IBAN_and_only_as_an_IBAN(string note) => Assert.Equal([PiiKind.Iban], Kinds(note));

    [Fact]
    public void An_IBAN_like_string_with_a_wrong_checksum_is_not_an_IBAN() =>
        Assert.DoesNotContain(PiiKind.Iban, Kinds("NL91ABNA0417164301"));

    [Theory]
    [InlineData("woont op 1234 AB 12")]
    [InlineData("1234AB, 5a")]
    [InlineData("Dorpsstraat 12, 1234 AB Amsterdam")]
    [InlineData("postcode 3511ab huisnummer 7")]
    public void Finds_a_postcode_with_house_number(string note) =>
        Assert.Contains(PiiKind.PostcodeWithHouseNumber, Kinds(note));

    [Theory]
    [InlineData("geboren 12-03-1956")]
    [InlineData("12 maart 1956")]
    [InlineData("1956-03-12")]
    [InlineData("geboortejaar 1987")]
    public void Finds_a_birth_date(string note) => Assert.Contains(PiiKind.BirthDate, Kinds(note));

    [Theory]
    [InlineData("mevrouw Jansen kwam terug")]
    [InlineData("dhr. De Vries")]
    [InlineData("Naam: Pietersen")]
    public void Finds_a_name_after_a_title_or_label(string note) => Assert.Contains(PiiKind.Name, Kinds(note));

    [Fact]
    public void Reports_every_kind_found_once_each()
    {
        var kinds = Kinds("bsn 123456782, mail a@b.nl of b@c.nl, tel 0612345678");
        Assert.Equal([PiiKind.Bsn, PiiKind.Email, PiiKind.PhoneNumber], kinds);
    }

    [Fact]
    public void A_reason_says_why_without_repeating_the_value()
    {
        var findings = PiiScreen.Screen("bsn 123456782 en jan@example.nl", Today);
        Assert.All(findings, f =>
        {
            Assert.DoesNotContain("123456782", f.Reason);
            Assert.DoesNotContain("jan@", f.Reason);
        });
        Assert.Contains(findings, f => f.Reason.Contains("BSN") && f.Reason.Contains("elfproef"));
        Assert.Contains(findings, f => f.Reason.Contains("e-mailadres"));
    }
}
