namespace IdoPlatform.Offers.Features.WithdrawOffer;

/// <param name="Reason">Optional, at most 500 characters.</param>
public sealed record WithdrawOfferRequest(string? Reason = null);
