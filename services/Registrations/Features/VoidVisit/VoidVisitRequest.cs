using System.ComponentModel.DataAnnotations;
using IdoPlatform.Registrations.Features.Visits;

namespace IdoPlatform.Registrations.Features.VoidVisit;

/// <summary>Why the visit should not count (e.g. registered twice, test entry).</summary>
public sealed record VoidVisitRequest([property: MaxLength(VisitRules.MaxTextLength)] string Reason);
