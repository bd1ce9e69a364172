using IdoPlatform.Registrations.Privacy;

namespace IdoPlatform.Registrations.Tests.Unit;

public class ChecksumTests
{
    [Theory]
    [InlineData("123456782", true)]
    [InlineData("111222333", true)]
    [InlineData("123456789", false)]
    [InlineData("000000000", false)]
    [InlineData("12345678", false)]
    [InlineData("12345678a", false)]
    public void Elfproef_for_BSN(string digits, bool valid) => Assert.Equal(valid, Elfproef.IsValidBsn(digits));

    [Theory]
    [InlineData("NL91ABNA0417164300", true)]
    [InlineData("nl91abna0417164300", true)]
    [InlineData("GB82WEST12345698765432", true)]
    [InlineData("NL91ABNA0417164301", false)]
    [InlineData("NL91ABNA04171643", false)]
    [InlineData("1191ABNA0417164300", false)]
    public void Iban_mod_97(string iban, bool valid) => Assert.Equal(valid, IbanCheck.HasValidChecksum(iban));
}
