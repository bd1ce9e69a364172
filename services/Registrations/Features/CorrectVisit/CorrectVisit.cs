using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Registrations.Features.Visits;

namespace IdoPlatform.Registrations.Features.CorrectVisit;

public static class CorrectVisit
{
    public const string VoidedRejection = "Een vervallen bezoek kan niet meer worden gecorrigeerd.";

    /// <summary>A correction of a voided visit is rejected; one that changes nothing records nothing.</summary>
    public static Decision Decide(Visit current, CheckedVisit corrected, string reason, DateTimeOffset now)
    {
        if (current.IsVoided) return Decision.Reject(VoidedRejection);
        if (current.Place == corrected.Place && current.Details.IsSameAs(corrected.Details)) return Decision.Unchanged;
        return Decision.Accept(new VisitCorrected(current.Id, corrected.Place, corrected.Details, reason, now));
    }
}
