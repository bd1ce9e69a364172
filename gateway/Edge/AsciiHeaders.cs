using System.Text;
using IdoPlatform.BuildingBlocks.Web;

namespace IdoPlatform.Gateway.Edge;

/// <summary>Kestrel reads header values as UTF-8, but the proxy's HttpClient refuses to send a value with a
/// character outside ASCII: the forward failed and the client got a 502 for its own mistake. Refused here
/// instead, naming the header.</summary>
internal static class AsciiHeaders
{
    public static ProblemResult? Refusal(IHeaderDictionary headers)
    {
        foreach (var (name, values) in headers)
            foreach (var value in values)
                if (value is not null && !Ascii.IsValid(value))
                    return Problems.Validation(
                        [new InvalidParam(name, InvalidParamCodes.Invalid, "Een headerwaarde mag alleen ASCII-tekens bevatten.")],
                        $"De header {name} bevat een teken buiten ASCII.");
        return null;
    }
}
