using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Contracts.Codes;
using IdoPlatform.Referrals.Features.Catalogue;
using IdoPlatform.Referrals.Features.Referrals;

namespace IdoPlatform.Referrals.Features.IssueReferral;

public sealed record IssueReferralRequest(string? Agency, string? Topic, string? LocationId, string? Method);

/// <summary>Pure rules for issuing a referral; the endpoint supplies the look-ups.</summary>
public static class IssueReferral
{
    public static IReadOnlyList<InvalidParam> Validate(
        IssueReferralRequest request, AgencyCatalogue agencies, ReferralLocation? location, DateOnly today)
    {
        var errors = new List<InvalidParam>();
        if (string.IsNullOrWhiteSpace(request.Agency))
            errors.Add(new("agency", InvalidParamCodes.Required, "Verplicht: de code van de NPD-organisatie."));
        else if (!agencies.IsActiveMember(request.Agency, today))
            errors.Add(new("agency", InvalidParamCodes.Unknown, $"Onbekende of niet (meer) aangesloten NPD-organisatie '{request.Agency}'."));

        if (string.IsNullOrWhiteSpace(request.Topic))
            errors.Add(new("topic", InvalidParamCodes.Required, "Verplicht: een onderwerpcode."));
        else if (!Topics.All.Contains(request.Topic))
            errors.Add(new("topic", InvalidParamCodes.Unknown, $"Onbekend onderwerp '{request.Topic}'."));

        if (string.IsNullOrWhiteSpace(request.LocationId))
            errors.Add(new("locationId", InvalidParamCodes.Required, "Verplicht: de locatie waarheen verwezen wordt."));
        else if (location is null)
            errors.Add(new("locationId", InvalidParamCodes.Unknown, $"Onbekende locatie '{request.LocationId}'."));
        else if (!location.AcceptsReferralsOn(today))
            errors.Add(new("locationId", InvalidParamCodes.NotAllowed, $"Locatie '{request.LocationId}' is gesloten of heeft (nog) geen IDO."));

        if (string.IsNullOrWhiteSpace(request.Method))
            errors.Add(new("method", InvalidParamCodes.Required, $"Verplicht: een van {string.Join(", ", ReferralMethods.All)}."));
        else if (!ReferralMethods.All.Contains(request.Method))
            errors.Add(new("method", InvalidParamCodes.Unknown, $"Onbekende verwijswijze '{request.Method}'; kies uit {string.Join(", ", ReferralMethods.All)}."));
        return errors;
    }

    /// <summary>The event for a request that passed <see cref="Validate"/>. The code is valid through the whole Dutch day
    /// <paramref name="validDays"/> after the issue day, as the slip says ("geldig tot en met maandag 4 januari"): a
    /// citizen who comes that afternoon is on time, whatever the hour the agency issued it.</summary>
    public static ReferralIssued Decide(Guid referralId, string code, IssueReferralRequest request,
        ReferralLocation location, DateTimeOffset now, int validDays) =>
        new(new ReferralSubject(referralId, code, request.Agency!, request.Topic!, location.LocationId,
                location.OrganisationId, request.Method!, location.MunicipalityCode, location.Province),
            IssuedAt: now,
            ExpiresAt: DutchCalendar.EndOf(DutchCalendar.DayOf(now).AddDays(validDays)));
}
