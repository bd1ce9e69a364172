using IdoPlatform.Contracts.Codes;
using IdoPlatform.Registrations.CodeLists;

namespace IdoPlatform.Registrations.Tests.Unit;

public class CodeListTests
{
    private static readonly CodeList Sample = CodeListFiles.Parse("""
        { "name": "sample", "title": "Voorbeeld", "version": 2, "codes": [
          { "code": "old", "label": "Oud", "validFrom": "2020-01-01", "validTo": "2025-12-31" },
          { "code": "new", "label": "Nieuw", "validFrom": "2026-01-01", "validTo": null } ] }
        """);

    [Theory]
    [InlineData("old", "2025-12-31", CodeStatus.Valid)]
    [InlineData("old", "2026-01-01", CodeStatus.Retired)]
    [InlineData("new", "2025-12-31", CodeStatus.NotYetValid)]
    [InlineData("new", "2026-01-01", CodeStatus.Valid)]
    [InlineData("nope", "2026-01-01", CodeStatus.Unknown)]
    public void Validity_dates_are_inclusive(string code, string day, CodeStatus expected) =>
        Assert.Equal(expected, Sample.StatusOn(code, DateOnly.Parse(day)));

    [Fact]
    public void A_list_repeating_a_code_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => CodeListFiles.Parse("""
            { "name": "x", "title": "X", "version": 1, "codes": [
              { "code": "a", "label": "A", "validFrom": "2020-01-01" }, { "code": "a", "label": "A", "validFrom": "2020-01-01" } ] }
            """));

    [Fact]
    public void The_seeds_hold_every_shared_topic_and_agency_code()
    {
        var codes = Samples.Codes;
        Assert.Equal(Topics.All.Order(), codes.Topics.Codes.Select(c => c.Code).Order());
        Assert.All(Agencies.All, a => Assert.True(codes.Organisations.Contains(a), a));
        Assert.True(codes.Organisations.Contains("gemeente"));
        Assert.True(codes.Organisations.Contains("other"));
    }

    [Fact]
    public void The_seeds_hold_the_codes_the_issue_names()
    {
        var codes = Samples.Codes;
        Assert.Equal(["in-person", "phone", "video", "email-chat"], codes.Channels.Codes.Select(c => c.Code));
        Assert.Equal(["digital-government", "library-service", "other"], codes.Domains.Codes.Select(c => c.Code));
        Assert.Equal(["0-10", "10-20", "20-30", "30-60", "60+"], codes.DurationBands.Codes.Select(c => c.Code));
        Assert.Equal(["information", "explained", "done-together", "referred", "follow-up-appointment", "not-helped"],
            codes.HelpGiven.Codes.Select(c => c.Code));
        Assert.Equal(["named-place", "warm-handover", "callback-request"], codes.ReferralMethods.Codes.Select(c => c.Code));
        Assert.All(codes.All.SelectMany(l => l.Codes), c => Assert.False(string.IsNullOrWhiteSpace(c.Label)));
    }

    [Fact]
    public void A_catalogue_missing_a_list_does_not_start() =>
        Assert.Throws<InvalidOperationException>(() => new CodeListCatalogue([Sample]));
}
