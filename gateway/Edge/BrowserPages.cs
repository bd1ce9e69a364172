using System.Net;
using System.Text.RegularExpressions;
using IdoPlatform.BuildingBlocks.Web;
using Microsoft.Net.Http.Headers;

namespace IdoPlatform.Gateway.Edge;

/// <summary>A person who mistypes an address or asks for pages too fast gets a small Dutch page with a way on, not a
/// problem document. Only for a browser's navigation to a non-API path: API clients, scripts (htmx, fetch) and every
/// <c>/{api}/v{n}</c>, <c>/auth</c> and <c>/health</c> path keep their problem+json.</summary>
internal static partial class BrowserPages
{
    /// <summary>The public start page: the finder, open to everyone.</summary>
    public const string StartPage = "/aanbod";

    public static bool Wanted(HttpRequest request)
    {
        if (IsApiPath(request.Path) || request.Headers.ContainsKey("HX-Request"))
            return false;
        // Sent by current browsers: "navigate" for an address typed, a link or a form; a script's fetch says otherwise.
        var mode = request.Headers["Sec-Fetch-Mode"];
        if (mode.Count > 0 && mode != "navigate")
            return false;
        return MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
            && accepted.Any(type => type.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase) && type.Quality is not 0);
    }

    /// <summary>A page read (GET or HEAD) that may be redirected: never a form's post.</summary>
    public static bool WantedForRead(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) && Wanted(request);

    /// <summary>Where a page address with a trailing slash belongs (<c>/aanbod/</c> → <c>/aanbod</c>), query kept; null
    /// when trimming would leave an address that a browser reads as another host (<c>//elders.example/</c>).</summary>
    public static string? WithoutTrailingSlash(HttpRequest request)
    {
        var path = request.Path.Value!.TrimEnd('/');
        if (path.Length == 0 || path.StartsWith("//", StringComparison.Ordinal) || path.StartsWith("/\\", StringComparison.Ordinal))
            return null;
        return new PathString(path).ToUriComponent() + request.QueryString.ToUriComponent();
    }

    /// <summary>The page for a browser's navigation, else the problem document.</summary>
    public static Task WriteErrorAsync(HttpContext http, int status) =>
        Wanted(http.Request) ? WriteAsync(http, status) : ProblemWriter.WriteAsync(http, status);

    /// <summary><see cref="WriteErrorAsync"/> as an endpoint's result.</summary>
    public static IResult Error(int status) => new ErrorResult(status);

    /// <summary>The site's look, inline: the page must also show when web, which serves the stylesheet, is down.</summary>
    public static Task WriteAsync(HttpContext http, int status)
    {
        var (title, explanation) = Texts(status);
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/html; charset=utf-8";
        return http.Response.WriteAsync($$"""
            <!DOCTYPE html>
            <html lang="nl">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{title}} – IDO-platform</title>
            <style>
            html { font-family: system-ui, "Segoe UI", Roboto, Arial, sans-serif; color: #1a1a1a; background: #fff; }
            body { margin: 0; line-height: 1.45; }
            header { background: #01578a; padding: 0.6rem 1rem; }
            header a { color: #fff; font-weight: 700; font-size: 1.15rem; text-decoration: none; }
            main { padding: 1rem; max-width: 50rem; }
            a { color: #01578a; }
            :focus-visible { outline: 3px solid #cc5500; outline-offset: 2px; }
            </style>
            </head>
            <body>
            <header><a href="{{StartPage}}">IDO</a></header>
            <main>
            <h1>{{title}}</h1>
            <p>{{explanation}}</p>
            <ul>
            <li><a href="{{StartPage}}">Hulp bij de digitale overheid in de bibliotheek zoeken</a></li>
            <li><a href="/aanmelden">Aanmelden bij het IDO-platform</a></li>
            </ul>
            </main>
            </body>
            </html>
            """, http.RequestAborted);
    }

    // Static texts only: nothing from the request is echoed, so nothing needs escaping beyond the titles.
    private static (string Title, string Explanation) Texts(int status) => status switch
    {
        404 => ("Pagina niet gevonden", "Deze pagina bestaat niet (meer). Controleer het adres, of ga verder via een van deze links:"),
        429 => ("Te veel verzoeken", "U heeft in korte tijd veel pagina's opgevraagd. Wacht een minuut en probeer het dan opnieuw, of ga verder via een van deze links:"),
        >= 500 => ("Pagina tijdelijk niet beschikbaar", "Deze pagina kan nu niet worden getoond. Probeer het over een paar minuten opnieuw, of ga verder via een van deze links:"),
        _ => (WebUtility.HtmlEncode(Problems.Create(status).Title!), "Deze pagina kan nu niet worden getoond. Probeer het later opnieuw, of ga verder via een van deze links:"),
    };

    private sealed class ErrorResult(int status) : IResult
    {
        public Task ExecuteAsync(HttpContext http) => WriteErrorAsync(http, status);
    }

    // The API Design Rules put every API under /{api}/v{major}; /auth and /health are the gateway's own.
    private static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/auth") || path.StartsWithSegments("/health") || VersionedApi().IsMatch(path.Value ?? "");

    [GeneratedRegex("^/[^/]+/v[0-9]+(/|$)")]
    private static partial Regex VersionedApi();
}
