using IdoPlatform.Web.Desk;

namespace IdoPlatform.Web.Pages.Beheer;

/// <summary>One form field of the admin pages: its API name (also its id and where a 400's reason lands), label,
/// input type or options, value as typed, and the most characters the API takes (so the field stops there, not the save).</summary>
public sealed record VeldView(string Name, string Label, string? Value, FieldErrors Errors, string Type = "text",
    IReadOnlyList<(string Value, string Text)>? Options = null, string? Hint = null, bool Wide = false, int? MaxLength = null);
