using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Finder;
using IdoPlatform.Web.Platform;

namespace IdoPlatform.Web.Referrals;

/// <summary>The referrals service as an agency account uses it: nearest IDO locations, issuing, its referrals, its
/// referral profile. Every call carries the session's token; the service checks that the agency acts for itself.</summary>
public sealed class AgencyReferrals(PlatformApi api)
{
    public const int PageSize = 20;

    /// <summary>The nearest IDO locations open on the day, as list cards (hours that day, offers that fit the topic).</summary>
    public async Task<(IReadOnlyList<PlaceCard>? Places, ApiAnswer Answer)> NearbyAsync(SearchPlace place, string? topic, string? openOn,
        int limit, CancellationToken ct)
    {
        var query = $"referrals/v1/referral-locations?postcode={Uri.EscapeDataString(place.Postcode)}&limit={limit}" +
                    (topic is null ? "" : $"&topic={Uri.EscapeDataString(topic)}") +
                    (openOn is null ? "" : $"&openOn={Uri.EscapeDataString(openOn)}");
        var answer = await api.GetAsync(PlatformApi.Referrals, query, ct);
        if (!answer.IsSuccess)
            return (null, answer);
        var found = answer.Read<NearbyLocationsDto>();
        return (found.Locations.Select(l => new PlaceCard(l.LocationId, l.Name,
            FinderText.Address(l.Address.Street, l.Address.HouseNumber, l.Address.HouseLetter, l.Address.HouseNumberAddition,
                l.Address.Postcode, l.Address.City),
            FinderText.Distance(l.DistanceMeters),
            FinderText.Periods(l.OpeningHours.Select(p => (p.Opens, p.Closes))),
            l.MatchingOffers.Select(o => new OfferLine(o.Title, o.WalkIn ? "Inloop, zonder afspraak" : null)).ToList(),
            l.Latitude, l.Longitude)).ToList(), answer);
    }

    public Task<ApiAnswer> IssueAsync(string agency, string? topic, string? locationId, string? method, string? idempotencyKey,
        CancellationToken ct) =>
        api.SendAsync(PlatformApi.Referrals, HttpMethod.Post, "referrals/v1/referrals",
            new { agency, topic, locationId, method },
            Guid.TryParse(idempotencyKey, out var key) ? new Dictionary<string, string> { ["Idempotency-Key"] = key.ToString() } : null, ct);

    public Task<ApiAnswer> ListAsync(string? status, int page, CancellationToken ct) =>
        api.GetAsync(PlatformApi.Referrals,
            $"referrals/v1/referrals?page={page}&pageSize={PageSize}" + (status is null ? "" : $"&status={Uri.EscapeDataString(status)}"), ct);

    public Task<ApiAnswer> GetAsync(string code, CancellationToken ct) =>
        api.GetAsync(PlatformApi.Referrals, $"referrals/v1/referrals/{Uri.EscapeDataString(code)}", ct);

    public Task<ApiAnswer> CancelAsync(string code, CancellationToken ct) =>
        api.SendAsync(PlatformApi.Referrals, HttpMethod.Post, $"referrals/v1/referrals/{Uri.EscapeDataString(code)}/cancellation",
            null, null, ct);

    public Task<ApiAnswer> ProfileAsync(string agency, CancellationToken ct) =>
        api.GetAsync(PlatformApi.Referrals, $"referrals/v1/referral-profiles/{Uri.EscapeDataString(agency)}", ct);

    public Task<ApiAnswer> ProfileHistoryAsync(string agency, CancellationToken ct) =>
        api.GetAsync(PlatformApi.Referrals, $"referrals/v1/referral-profiles/{Uri.EscapeDataString(agency)}/history", ct);

    public Task<ApiAnswer> ReviseProfileAsync(string agency, object body, long version, CancellationToken ct) =>
        api.SendAsync(PlatformApi.Referrals, HttpMethod.Put, $"referrals/v1/referral-profiles/{Uri.EscapeDataString(agency)}", body,
            new Dictionary<string, string> { ["If-Match"] = $"\"{version}\"" }, ct);

    /// <summary>The service's words when it refused or did not answer, for a message on the page.</summary>
    public static string Explain(ApiAnswer answer) => answer switch
    {
        { IsUnavailable: true } => "De verwijsdienst antwoordt nu niet. Probeer het over een paar minuten opnieuw.",
        { Problem.Detail: { Length: > 0 } detail } => detail,
        { Problem.Title: { Length: > 0 } title } => title,
        _ => $"De verwijsdienst weigerde dit (status {answer.Status}).",
    };

    /// <summary>A 400's reasons by the page's field names (<paramref name="rename"/> maps API names to them).</summary>
    public static FieldErrors Errors(ApiAnswer answer, IReadOnlyDictionary<string, string> rename) =>
        FieldErrors.From(answer.Problem is null ? null : answer.Problem with
        {
            InvalidParams = answer.Problem.InvalidParams?.Select(p => p with { Name = rename.GetValueOrDefault(p.Name, p.Name) }).ToList(),
        });
}
