using System.Globalization;
using System.Text.RegularExpressions;
using IdoPlatform.Contracts.Codes;
using IdoPlatform.BuildingBlocks.Web;

using IdoPlatform.Referrals.Features.ReferralProfiles;

namespace IdoPlatform.Referrals.Features.ReviseReferralProfile;

public sealed record AgencyContactRequest(string? Phone, string? Website, string? Address);

/// <summary>Day as an English lower-case weekday (<c>monday</c>), times as <c>HH:mm</c> local Dutch time.</summary>
public sealed record ServiceHoursRequest(string? Day, string? Opens, string? Closes);

public sealed record TopicGuidanceRequest(
    string? Topic,
    string? Channel,
    AgencyContactRequest? Contact,
    List<ServiceHoursRequest>? Hours,
    List<string>? IdoMayDo,
    List<string>? IdoMayNotDo);

public sealed record ReviseReferralProfileRequest(List<TopicGuidanceRequest>? Topics);

/// <summary>Checks every field of a profile at once and turns a valid one into domain values.</summary>
public static partial class ReferralProfileValidation
{
    public const int MaxRuleLength = 200;
    public const int MaxRules = 10;
    private static readonly string[] Days =
        ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

    [GeneratedRegex(@"^\+?[0-9][0-9 \-]{2,18}[0-9]$")]
    private static partial Regex PhonePattern();

    public static (IReadOnlyList<TopicGuidance> Topics, IReadOnlyList<InvalidParam> Errors) Validate(ReviseReferralProfileRequest? request)
    {
        var errors = new List<InvalidParam>();
        var topics = new List<TopicGuidance>();
        if (request?.Topics is null)
        {
            errors.Add(new("topics", InvalidParamCodes.Required, "Verplicht: een lijst (mag leeg zijn) met per onderwerp hoe te verwijzen."));
            return (topics, errors);
        }
        if (request.Topics.Count > Topics.All.Count)
            errors.Add(new("topics", InvalidParamCodes.TooLong, $"Hoogstens {Topics.All.Count} onderwerpen."));

        var seen = new HashSet<string>();
        for (var i = 0; i < request.Topics.Count; i++)
        {
            var guidance = ValidateTopic(request.Topics[i], $"topics[{i}]", errors);
            if (guidance is null) continue;
            if (!seen.Add(guidance.Topic))
                errors.Add(new($"topics[{i}].topic", InvalidParamCodes.Duplicate, $"Onderwerp '{guidance.Topic}' staat er al eerder in."));
            topics.Add(guidance);
        }
        return (errors.Count == 0 ? topics : [], errors);
    }

    private static TopicGuidance? ValidateTopic(TopicGuidanceRequest? dto, string path, List<InvalidParam> errors)
    {
        if (dto is null)
        {
            errors.Add(new(path, InvalidParamCodes.Required, "Verplicht."));
            return null;
        }
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(dto.Topic)) errors.Add(new($"{path}.topic", InvalidParamCodes.Required, "Verplicht: een onderwerpcode."));
        else if (!Topics.All.Contains(dto.Topic)) errors.Add(new($"{path}.topic", InvalidParamCodes.Unknown, $"Onbekend onderwerp '{dto.Topic}'."));

        var channels = string.Join(", ", ReferralChannels.All);
        if (string.IsNullOrWhiteSpace(dto.Channel)) errors.Add(new($"{path}.channel", InvalidParamCodes.Required, $"Verplicht: een van {channels}."));
        else if (!ReferralChannels.All.Contains(dto.Channel))
            errors.Add(new($"{path}.channel", InvalidParamCodes.Unknown, $"Onbekend kanaal '{dto.Channel}'; kies uit {channels}."));

        var contact = ValidateContact(dto.Contact, dto.Channel, $"{path}.contact", errors);
        var hours = ValidateHours(dto.Hours, $"{path}.hours", errors);
        var mayDo = ValidateRules(dto.IdoMayDo, $"{path}.idoMayDo", errors);
        var mayNotDo = ValidateRules(dto.IdoMayNotDo, $"{path}.idoMayNotDo", errors);

        return errors.Count == before
            ? new TopicGuidance(dto.Topic!, dto.Channel!, contact!, hours, mayDo, mayNotDo)
            : null;
    }

    private static AgencyContact? ValidateContact(AgencyContactRequest? dto, string? channel, string path, List<InvalidParam> errors)
    {
        if (dto is null)
        {
            errors.Add(new(path, InvalidParamCodes.Required, "Verplicht: hoe de burger de organisatie bereikt."));
            return null;
        }
        var phone = Blank(dto.Phone);
        var website = Blank(dto.Website);
        var address = Blank(dto.Address);
        if (phone is not null && !PhonePattern().IsMatch(phone))
            errors.Add(new($"{path}.phone", InvalidParamCodes.Invalid, "Geen geldig telefoonnummer (cijfers, spaties en streepjes)."));
        if (website is not null && !IsHttpsUrl(website))
            errors.Add(new($"{path}.website", InvalidParamCodes.Invalid, "Moet een volledige https-URL zijn."));
        if (address is not null && address.Length > MaxRuleLength)
            errors.Add(new($"{path}.address", InvalidParamCodes.TooLong, $"Hoogstens {MaxRuleLength} tekens."));

        // The chosen channel must be reachable with what is given.
        switch (channel)
        {
            case ReferralChannels.Phone when phone is null:
                errors.Add(new($"{path}.phone", InvalidParamCodes.Required, "Verplicht bij kanaal 'phone'."));
                break;
            case ReferralChannels.Website when website is null:
                errors.Add(new($"{path}.website", InvalidParamCodes.Required, "Verplicht bij kanaal 'website'."));
                break;
            case ReferralChannels.Counter when address is null:
                errors.Add(new($"{path}.address", InvalidParamCodes.Required, "Verplicht bij kanaal 'counter'."));
                break;
            case ReferralChannels.Appointment when phone is null && website is null:
                errors.Add(new($"{path}.website", InvalidParamCodes.Required, "Bij kanaal 'appointment' is een website of telefoonnummer nodig."));
                break;
        }
        return new AgencyContact(phone, website, address);
    }

    private static IReadOnlyList<ServiceHours> ValidateHours(List<ServiceHoursRequest>? dtos, string path, List<InvalidParam> errors)
    {
        var hours = new List<ServiceHours>();
        if (dtos is null) return hours;
        if (dtos.Count > 21) errors.Add(new(path, InvalidParamCodes.TooLong, "Hoogstens 21 perioden."));
        for (var i = 0; i < dtos.Count; i++)
        {
            var dto = dtos[i];
            var at = $"{path}[{i}]";
            if (dto is null)
            {
                errors.Add(new(at, InvalidParamCodes.Required, "Verplicht."));
                continue;
            }
            var day = Array.IndexOf(Days, dto.Day);
            if (day < 0) errors.Add(new($"{at}.day", InvalidParamCodes.Invalid, "Een weekdag: monday … sunday."));
            var opens = ParseTime(dto.Opens, $"{at}.opens", errors);
            var closes = ParseTime(dto.Closes, $"{at}.closes", errors);
            if (opens is not null && closes is not null && closes <= opens)
                errors.Add(new($"{at}.closes", InvalidParamCodes.Invalid, "Moet na 'opens' liggen."));
            if (day >= 0 && opens is not null && closes is not null)
                hours.Add(new ServiceHours((DayOfWeek)day, opens.Value, closes.Value));
        }
        return hours;
    }

    private static TimeOnly? ParseTime(string? value, string path, List<InvalidParam> errors)
    {
        if (TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            return time;
        errors.Add(new(path, InvalidParamCodes.Invalid, "Een tijd als HH:mm, bijvoorbeeld 09:00."));
        return null;
    }

    private static IReadOnlyList<string> ValidateRules(List<string>? rules, string path, List<InvalidParam> errors)
    {
        if (rules is null) return [];
        if (rules.Count > MaxRules) errors.Add(new(path, InvalidParamCodes.TooLong, $"Hoogstens {MaxRules} regels."));
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            if (string.IsNullOrWhiteSpace(rule)) errors.Add(new($"{path}[{i}]", InvalidParamCodes.Invalid, "Mag niet leeg zijn."));
            else if (rule.Length > MaxRuleLength) errors.Add(new($"{path}[{i}]", InvalidParamCodes.TooLong, $"Hoogstens {MaxRuleLength} tekens."));
        }
        return rules.Select(r => r?.Trim() ?? "").ToArray();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsHttpsUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && uri.Host.Contains('.');

    public static string DayName(DayOfWeek day) => Days[(int)day];
}
