namespace IdoPlatform.Offers.Features.Locations;

/// <summary>Which location a request created, by its <c>Idempotency-Key</c>: a location's id is the next free branch
/// number, not derivable from the key, so the key's own stream (id from account + key) records it, started in the
/// location's transaction. A retry of the same request (say, after the instance died before its answer was stored)
/// finds the claim and answers with that location instead of registering a second one.</summary>
public sealed record LocationClaim(Guid Id, string LocationId)
{
    public const string StreamType = "location-claim";

    public static LocationClaim? Evolve(LocationClaim? state, object e) => e switch
    {
        LocationRequestClaimed claimed => new LocationClaim(claimed.ClaimId, claimed.LocationId),
        _ => state,
    };
}

/// <summary>No personal data: the claim's id is derived from account and key, the location id is public.</summary>
public sealed record LocationRequestClaimed(Guid ClaimId, string LocationId);
