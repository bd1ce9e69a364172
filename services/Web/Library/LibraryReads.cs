using IdoPlatform.Web.Platform;

namespace IdoPlatform.Web.Library;

/// <summary>An answer read into its type, or why not: not found (also another organisation's), or the service's
/// problem text (down, refused).</summary>
public sealed record Loaded<T>(T? Value, string? ETag, int Status, string? Problem) where T : class;

/// <summary>The reads the library admins' pages share: the organisation's locations and offers, one location or offer
/// with its ETag and history, the offer types. Only what belongs to the signed-in organisation is found.</summary>
public sealed class LibraryReads(PlatformApi api)
{
    public async Task<Loaded<IReadOnlyList<AdminLocationDto>>> LocationsAsync(Guid organisationId, CancellationToken ct)
    {
        var answer = await api.GetAsync(PlatformApi.Offers, LibraryPaths.OwnLocations(organisationId), ct);
        return answer.IsSuccess
            ? new(answer.Read<Paged<AdminLocationHitDto>>().Items.Select(h => h.Location).Where(l => l.OrganisationId == organisationId)
                .OrderBy(l => l.Closed).ThenBy(l => l.Name, StringComparer.Ordinal).ToList(), null, 200, null)
            : new(null, null, answer.Status, Explain(answer));
    }

    public async Task<Loaded<IReadOnlyList<OfferDto>>> OffersAsync(Guid organisationId, CancellationToken ct)
    {
        var answer = await api.GetAsync(PlatformApi.Offers, LibraryPaths.OwnOffers(organisationId), ct);
        return answer.IsSuccess
            ? new(answer.Read<Paged<OfferDto>>().Items, null, 200, null)
            : new(null, null, answer.Status, Explain(answer));
    }

    /// <summary>A location of <paramref name="organisationId"/>; another organisation's (the API shows their public ones
    /// to anybody) is not found here.</summary>
    public async Task<Loaded<AdminLocationDto>> LocationAsync(string locationId, Guid organisationId, CancellationToken ct)
    {
        var answer = await api.GetAsync(PlatformApi.Offers, LibraryPaths.Location(locationId), ct);
        if (answer.IsSuccess && answer.Read<AdminLocationDto>() is { } location)
            return location.OrganisationId == organisationId ? new(location, answer.ETag, 200, null) : new(null, null, 404, null);
        return new(null, null, answer.Status is 400 or 404 ? 404 : answer.Status, answer.Status is 400 or 404 ? null : Explain(answer));
    }

    public async Task<Loaded<OfferDto>> OfferAsync(Guid offerId, Guid organisationId, CancellationToken ct)
    {
        var answer = await api.GetAsync(PlatformApi.Offers, LibraryPaths.Offer(offerId), ct);
        if (answer.IsSuccess && answer.Read<OfferDto>() is { } offer)
            return offer.OrganisationId == organisationId ? new(offer, answer.ETag, 200, null) : new(null, null, 404, null);
        return new(null, null, answer.Status is 400 or 404 ? 404 : answer.Status, answer.Status is 400 or 404 ? null : Explain(answer));
    }

    /// <summary>Newest first; null when the history could not be fetched.</summary>
    public async Task<IReadOnlyList<StreamEventDto>?> HistoryAsync(string path, CancellationToken ct)
    {
        var answer = await api.GetAsync(PlatformApi.Offers, path, ct);
        return answer.IsSuccess ? answer.Read<List<StreamEventDto>>().OrderByDescending(e => e.Version).ToList() : null;
    }

    public async Task<IReadOnlyList<OfferTypeDto>> OfferTypesAsync(CancellationToken ct)
    {
        var answer = await api.GetAsync(PlatformApi.Offers, LibraryPaths.OfferTypes, ct);
        return answer.IsSuccess ? answer.Read<Paged<OfferTypeDto>>().Items.OrderBy(t => t.Name, StringComparer.Ordinal).ToList() : [];
    }

    public static string Explain(ApiAnswer answer) => answer.IsUnavailable
        ? "Het platform antwoordt nu niet; probeer het zo opnieuw."
        : answer.Problem?.Detail ?? answer.Problem?.Title ?? $"Mislukt (status {answer.Status}).";
}
