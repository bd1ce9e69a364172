namespace IdoPlatform.Web.Tests.Support;

/// <summary>A random marker for a test's note or title, in letters only: a GUID's hex digits can look like personal data
/// to the registrations' screen ("1234ab12" reads as a postcode with a house number), which refused a test's visit once.</summary>
public static class Marker
{
    public static string Letters(int length) =>
        string.Concat(Enumerable.Range(0, length).Select(_ => (char)('a' + Random.Shared.Next(26))));
}
