namespace IdoPlatform.Referrals.Features.ListAgencies;

public sealed record AgencyResponse(
    string Code,
    string Name,
    string Abbreviation,
    DateOnly NpdMemberSince,
    DateOnly? NpdMemberUntil,
    string Website,
    string? Phone);

public sealed record AgencyCatalogueResponse(int Version, IReadOnlyList<AgencyResponse> Agencies);
