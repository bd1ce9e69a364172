using System.ComponentModel.DataAnnotations;
using IdoPlatform.Registrations.Features.Visits;

namespace IdoPlatform.Registrations.Features.EraseNote;

/// <summary>Why the note must go (e.g. it named the visitor). The reason is kept; the note is not.</summary>
public sealed record EraseNoteRequest([property: MaxLength(VisitRules.MaxTextLength)] string Reason);
