using IdoPlatform.Registrations.Features.Visits;

namespace IdoPlatform.Registrations.Features.CorrectVisit;

public abstract record CorrectionOutcome
{
    public sealed record Corrected(VisitWasCorrected Event) : CorrectionOutcome;
    /// <summary>The visit already reads like this: nothing to record.</summary>
    public sealed record Unchanged : CorrectionOutcome;
    public sealed record AlreadyVoided : CorrectionOutcome;
}

public static class CorrectVisit
{
    public static CorrectionOutcome Decide(Visit current, CheckedVisit corrected, string reason, DateTimeOffset now)
    {
        if (current.IsVoided) return new CorrectionOutcome.AlreadyVoided();
        if (current.Place == corrected.Place && current.Details.IsSameAs(corrected.Details))
            return new CorrectionOutcome.Unchanged();
        return new CorrectionOutcome.Corrected(
            new VisitWasCorrected(current.Id, corrected.Place, corrected.Details, reason, now));
    }
}
