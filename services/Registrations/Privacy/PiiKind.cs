namespace IdoPlatform.Registrations.Privacy;

public enum PiiKind { Bsn, Email, PhoneNumber, Iban, PostcodeWithHouseNumber, BirthDate, Name }

/// <summary>One kind of personal data found in a text, with a Dutch reason that never repeats the value.</summary>
public sealed record PiiFinding(PiiKind Kind, string Reason);
