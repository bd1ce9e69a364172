namespace IdoPlatform.Registrations.Common;

/// <summary>Our own <c>invalidParams</c> codes, beside the shared ones in InvalidParamCodes.</summary>
public static class RegistrationParamCodes
{
    /// <summary>A code whose validity ended (validTo in the past).</summary>
    public const string Retired = "retired";
    /// <summary>A code whose validity has not begun.</summary>
    public const string NotYetValid = "notYetValid";
    public const string UnknownLocation = "unknownLocation";
    /// <summary>The location is closed, has no IDO, or its IDO had not opened on that day.</summary>
    public const string LocationNotOpen = "locationNotOpen";
}
