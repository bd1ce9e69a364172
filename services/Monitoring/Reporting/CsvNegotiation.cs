using Microsoft.Net.Http.Headers;

namespace IdoPlatform.Monitoring.Reporting;

/// <summary>
/// The shared pipeline answers 406 to an Accept header without JSON; our reports also speak CSV. This
/// runs first: it notes that CSV was asked for and adds problem+json to Accept, so the request passes and
/// an error can still be answered as a problem document.
/// </summary>
public static class CsvNegotiation
{
    public const string ItemKey = "monitoring.csv";

    public static IApplicationBuilder UseCsvNegotiation(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var accept = http.Request.Headers.Accept;
        if (accept.Count > 0 && MediaTypeHeaderValue.TryParseList(accept, out var ranges)
            && ranges.Any(r => r.MediaType.Equals(ReportWriter.CsvMediaType, StringComparison.OrdinalIgnoreCase) && r.Quality is not 0))
        {
            http.Items[ItemKey] = ReportWriter.WantsCsv(http.Request);
            http.Request.Headers.Accept = string.Join(", ", accept.ToArray()) + ", application/problem+json;q=0.1";
        }
        await next(http);
    });
}
