using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Registrations.Features.Visits;

namespace IdoPlatform.Registrations.Features.VoidVisit;

/// <summary>Voiding keeps the visit and its history but takes it out of every count.</summary>
public static class VoidVisit
{
    public const string AlreadyVoided = "Dit bezoek is al vervallen.";

    public static Decision Decide(Visit current, string reason, DateTimeOffset now) =>
        current.IsVoided
            ? Decision.Reject(AlreadyVoided)
            : Decision.Accept(new VisitVoided(current.Id, current.Place, current.Details, reason, now));
}
