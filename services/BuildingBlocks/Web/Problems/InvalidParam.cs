namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>One bad field in a 400 problem (NL GOV <c>invalidParams</c> extension). <see cref="Name"/>
/// is the JSON path of the field (<c>questions[2].topic</c>) or the query/route parameter name.</summary>
public sealed record InvalidParam(string Name, string Code, string Reason);

/// <summary>The codes we use in <see cref="InvalidParam.Code"/>; services may add their own.</summary>
public static class InvalidParamCodes
{
    public const string Required = "required";
    public const string Unknown = "unknown";
    public const string Invalid = "invalid";
    public const string TooLong = "tooLong";
    public const string TooShort = "tooShort";
    public const string OutOfRange = "outOfRange";
    public const string NotAllowed = "notAllowed";
    public const string Duplicate = "duplicate";
    /// <summary>A value where another field rules it out (a referral target for a question that was not referred).</summary>
    public const string NotApplicable = "notApplicable";
    /// <summary>Looks like personal data (BSN, e-mail, phone, IBAN) where none may be stored.</summary>
    public const string PersonalData = "personalData";
}

/// <summary>Thrown where returning a result is awkward (deep in a binder or helper); the problem
/// middleware turns it into the same 400 as <see cref="Validator.Problem"/>.</summary>
public sealed class InvalidInputException(IReadOnlyList<InvalidParam> invalidParams, string? detail = null)
    : Exception(detail ?? "Invalid input.")
{
    public IReadOnlyList<InvalidParam> InvalidParams { get; } = invalidParams;
    public string? Detail { get; } = detail;
}
