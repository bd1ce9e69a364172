using IdoPlatform.Contracts.Codes;

namespace IdoPlatform.Registrations.CodeLists;

/// <summary>Every code list a visit uses. Built once at start-up from seeds/code-lists.</summary>
public sealed class CodeListCatalogue
{
    public const string TopicsName = "topics";
    public const string DomainsName = "domains";
    public const string ChannelsName = "channels";
    public const string DurationBandsName = "duration-bands";
    public const string HelpGivenName = "help-given";
    public const string ReferralMethodsName = "referral-methods";
    public const string OrganisationsName = "organisations";
    public const string LocalPartnerKindsName = "local-partner-kinds";

    private static readonly string[] Required =
    [
        TopicsName, DomainsName, ChannelsName, DurationBandsName, HelpGivenName, ReferralMethodsName,
        OrganisationsName, LocalPartnerKindsName,
    ];

    public CodeListCatalogue(IEnumerable<CodeList> lists)
    {
        All = lists.OrderBy(l => l.Name, StringComparer.Ordinal).ToList();
        var byName = All.ToDictionary(l => l.Name, StringComparer.Ordinal);
        var missing = Required.Where(n => !byName.ContainsKey(n)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"Code lists missing: {string.Join(", ", missing)}.");

        Topics = byName[TopicsName];
        Domains = byName[DomainsName];
        Channels = byName[ChannelsName];
        DurationBands = byName[DurationBandsName];
        HelpGiven = byName[HelpGivenName];
        ReferralMethods = byName[ReferralMethodsName];
        Organisations = byName[OrganisationsName];
        LocalPartnerKinds = byName[LocalPartnerKindsName];

        // The shared contract codes must all be present, or other services would send codes we refuse.
        RequireAll(Topics, Contracts.Codes.Topics.All);
        RequireAll(Organisations, Agencies.All);
    }

    public IReadOnlyList<CodeList> All { get; }
    public CodeList Topics { get; }
    public CodeList Domains { get; }
    public CodeList Channels { get; }
    public CodeList DurationBands { get; }
    public CodeList HelpGiven { get; }
    public CodeList ReferralMethods { get; }
    public CodeList Organisations { get; }
    public CodeList LocalPartnerKinds { get; }

    /// <summary>Where a citizen can be referred: an NPD agency or a kind of local partner.</summary>
    public (CodeList List, CodeEntry Entry)? FindReferralTarget(string code)
    {
        if (Agencies.All.Contains(code) && Organisations.Find(code) is { } agency) return (Organisations, agency);
        return LocalPartnerKinds.Find(code) is { } partner ? (LocalPartnerKinds, partner) : null;
    }

    private static void RequireAll(CodeList list, IEnumerable<string> codes)
    {
        var missing = codes.Where(c => !list.Contains(c)).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException($"Code list '{list.Name}' lacks {string.Join(", ", missing)}.");
    }
}
