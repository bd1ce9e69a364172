using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Registrations.Features.Visits;

namespace IdoPlatform.Registrations.Features.RegisterVisit;

/// <summary>Registering is starting the visit's stream with one event.</summary>
public static class RegisterVisit
{
    public static VisitRegistered Decide(Guid visitId, CheckedVisit visit, DateTimeOffset now) =>
        new(visitId, visit.Place, visit.Details, now);

    /// <summary>Name space of the visit ids derived from an Idempotency-Key.</summary>
    private static readonly Guid IdempotentIds = Guid.Parse("6f1f4c52-9a0e-4f57-9d3c-2b8e7a4d1c10");

    /// <summary>
    /// The stream id for a registration sent with an Idempotency-Key: the same account and key always give
    /// the same id, so a retry (even one racing the first, or one after the key store forgot it) finds the
    /// stream taken instead of starting a second visit.
    /// </summary>
    public static Guid IdFor(string accountId, string idempotencyKey) =>
        DeterministicGuid.Create(IdempotentIds, $"{accountId}/{idempotencyKey}");
}
