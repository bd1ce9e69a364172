using IdoPlatform.Registrations.Features.Visits;

namespace IdoPlatform.Registrations.Features.VoidVisit;

/// <summary>Voiding keeps the visit and its history but takes it out of every count.</summary>
public static class VoidVisit
{
    /// <summary>The event, or null when the visit was voided already.</summary>
    public static VisitWasVoided? Decide(Visit current, string reason, DateTimeOffset now) =>
        current.IsVoided ? null : new VisitWasVoided(current.Id, current.Place, current.Details, reason, now);
}
