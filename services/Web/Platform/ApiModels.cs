namespace IdoPlatform.Web.Platform;

// The services' answers as the pages read them: only the fields the pages use (unknown ones are ignored).

public sealed record Paged<T>(IReadOnlyList<T> Items, long TotalItems);

/// <summary>A keyset-paged list (the visits): <see cref="Next"/> links to the next page, absent on the last.</summary>
public sealed record KeysetPage<T>(IReadOnlyList<T> Items, string? Next);

public sealed record VisitDto(
    Guid Id,
    string LocationId,
    DateTimeOffset OccurredAt,
    string Channel,
    IReadOnlyList<QuestionDto> Questions,
    string? ReferralCode,
    string? Note,
    string Status,
    string? VoidReason,
    long Version,
    DateTimeOffset RegisteredAt,
    DateTimeOffset ChangedAt)
{
    public bool IsVoided => Status == "voided";
}

public sealed record QuestionDto(
    string Topic,
    string Domain,
    string? Organisation,
    string DurationBand,
    IReadOnlyList<string> HelpGiven,
    string? ReferredTo,
    string? ReferralMethod);

public sealed record VisitHistoryDto(Guid VisitId, IReadOnlyList<HistoryEntryDto> Entries);

public sealed record HistoryEntryDto(long Version, string Event, DateTimeOffset At, string? AccountId, string? Reason,
    IReadOnlyList<FieldChangeDto> Changes);

public sealed record FieldChangeDto(string Field, string? From, string? To);

public sealed record CodeListsDto(IReadOnlyList<CodeListDto> Lists);

public sealed record CodeListDto(string Name, string Title, int Version, IReadOnlyList<CodeDto> Codes);

public sealed record CodeDto(string Code, string Label, DateOnly? ValidFrom, DateOnly? ValidTo);

public sealed record LocationHitDto(LocationDto Location);

public sealed record LocationDto(string LocationId, Guid OrganisationId, string Name, bool Closed);

public sealed record ReferralDetailDto(ReferralDto Referral);

public sealed record ReferralDto(string Code, string Agency, string Topic, string Status, DateTimeOffset ExpiresAt);
