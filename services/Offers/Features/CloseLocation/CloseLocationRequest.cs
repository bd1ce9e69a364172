namespace IdoPlatform.Offers.Features.CloseLocation;

/// <param name="ClosedOn">Defaults to today; not in the future.</param>
public sealed record CloseLocationRequest(DateOnly? ClosedOn = null, string? Reason = null);
