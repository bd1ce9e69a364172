using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Library;

namespace IdoPlatform.Web.Pages.Beheer;

/// <summary>What the offer form shows: the form as typed, the API's reasons per field, the choices (offer types, the
/// organisation's open locations), where it posts and from which version (or, for a new one, with which Idempotency-Key).</summary>
public sealed record OfferFormView(OfferForm Form, FieldErrors Errors, IReadOnlyList<OfferTypeDto> Types,
    IReadOnlyList<AdminLocationDto> Locations, string Action, string? ETag, string Submit, string? IdempotencyKey = null);
