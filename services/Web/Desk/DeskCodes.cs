using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.Contracts.Codes;
using System.Net.Http.Json;
using IdoPlatform.Web.Platform;

namespace IdoPlatform.Web.Desk;

/// <summary>The registrations service's code lists (Dutch labels), kept for ten minutes: they change by release, and
/// the desk page must still open while that service is briefly down.</summary>
public sealed class DeskCodes(IHttpClientFactory clients, TimeProvider clock, ILogger<DeskCodes> logger)
{
    public const string Channels = "channels";
    public const string Topics = "topics";
    public const string Domains = "domains";
    public const string DurationBands = "duration-bands";
    public const string HelpGiven = "help-given";
    public const string Organisations = "organisations";
    public const string LocalPartnerKinds = "local-partner-kinds";
    public const string ReferralMethods = "referral-methods";

    private static readonly TimeSpan KeepFor = TimeSpan.FromMinutes(10);
    private (CodeBook Book, DateTimeOffset Until)? _kept;

    /// <summary>The code lists, or null when they were never fetched and the service does not answer.</summary>
    public async Task<CodeBook?> GetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (_kept is { } current && current.Until > now)
            return current.Book;
        try
        {
            var lists = await clients.CreateClient(PlatformApi.Registrations)
                .GetFromJsonAsync<CodeListsDto>("registrations/v1/code-lists", PlatformApi.Json, ct);
            if (lists is not null)
            {
                var book = new CodeBook(lists.Lists.ToDictionary(l => l.Name), DutchCalendar.DayOf(now));
                _kept = (book, now + KeepFor);
                return book;
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException
                                          && !ct.IsCancellationRequested)
        {
            logger.LogWarning("Code lists not fetched: {Message}", exception.Message);
        }
        return _kept?.Book; // stale beats nothing
    }
}

/// <summary>The code lists as the forms use them.</summary>
public sealed class CodeBook(IReadOnlyDictionary<string, CodeListDto> lists, DateOnly today)
{
    /// <summary>The codes valid today, plus <paramref name="keep"/> (a code a visit being corrected already holds).</summary>
    public IReadOnlyList<CodeDto> Options(string list, params string?[] keep) =>
        lists.TryGetValue(list, out var codes)
            ? codes.Codes.Where(c => IsValid(c) || keep.Contains(c.Code)).ToList()
            : [];

    public string Label(string list, string? code) =>
        code is null ? "" : lists.TryGetValue(list, out var codes) && codes.Codes.FirstOrDefault(c => c.Code == code) is { } found
            ? found.Label
            : code;

    /// <summary>
    /// The NPD agencies a citizen can be referred to. The organisations list also holds "gemeente" and "other", which
    /// as a <c>referredTo</c> the registrations service reads as kinds of local partner, so they are offered there once.
    /// </summary>
    public IReadOnlyList<CodeDto> ReferralAgencies(string? keep) =>
        Options(DeskCodes.Organisations, keep).Where(c => Agencies.All.Contains(c.Code)).ToList();

    /// <summary>A question's <c>referredTo</c>: an NPD agency or a kind of local partner, as the service resolves it.</summary>
    public string ReferralTargetLabel(string? code) =>
        code is null ? "" : Label(Agencies.All.Contains(code) ? DeskCodes.Organisations : DeskCodes.LocalPartnerKinds, code);

    private bool IsValid(CodeDto code) => (code.ValidFrom is null || code.ValidFrom <= today) && (code.ValidTo is null || code.ValidTo >= today);
}
