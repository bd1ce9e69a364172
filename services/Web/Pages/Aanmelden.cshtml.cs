using IdoPlatform.Web.Hosting;
using IdoPlatform.Web.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace IdoPlatform.Web.Pages;

/// <summary>Sign-in: at the organisation's OpenID Connect provider when one is configured; locally with a demo
/// account, whose token the gateway issues.</summary>
public sealed class AanmeldenModel(IOptions<WebOptions> options, DemoTokenClient demoTokens) : PageModel
{
    public bool DemoEnabled => options.Value.DemoSignIn.Enabled;
    public bool UsesOpenIdConnect => options.Value.OpenIdConnect.IsConfigured;
    public string? Message { get; private set; }
    public string? Username { get; private set; }
    public string ReturnUrl { get; private set; } = "";

    /// <summary>Signed in already (or back from the provider): on to the account's own start page.</summary>
    public IActionResult OnGet(string? returnUrl)
    {
        ReturnUrl = Local(returnUrl);
        return User.Identity?.IsAuthenticated == true && ReturnUrl == "" ? LocalRedirect(WebArea.HomeOf(User)) : Page();
    }

    public IActionResult OnPostExtern(string? returnUrl) => UsesOpenIdConnect
        ? Challenge(new AuthenticationProperties { RedirectUri = Local(returnUrl) is { Length: > 0 } url ? url : "/aanmelden" },
            OpenIdConnectDefaults.AuthenticationScheme)
        : NotFound();

    public async Task<IActionResult> OnPostAsync(string? username, string? password, string? returnUrl)
    {
        ReturnUrl = Local(returnUrl);
        Username = username;
        if (!DemoEnabled)
            return NotFound();
        if (string.IsNullOrWhiteSpace(username) || string.IsNullOrWhiteSpace(password))
            return Refused("Vul uw gebruikersnaam en wachtwoord in.");

        var (outcome, token) = await demoTokens.RequestAsync(username.Trim(), password, HttpContext.RequestAborted);
        if (outcome == DemoTokenClient.Outcome.Unavailable)
            return Refused("Aanmelden lukt nu niet: de aanmelddienst antwoordt niet. Probeer het zo opnieuw.", 503);
        if (SessionPrincipal.From(token) is not { } session)
            return Refused("Onbekende gebruikersnaam of onjuist wachtwoord.");
        if (!WebArea.SignedIn.Any(area => area.Admits(session.Principal)))
            return Refused("Dit account heeft geen pagina's in deze omgeving.", 403);

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, session.Principal, session.Properties());
        // Back where the account was sent from when it may open that page; its own start page otherwise.
        var area = WebArea.SignedIn.FirstOrDefault(area => area.Contains(ReturnUrl));
        return LocalRedirect(area is not null && area.Admits(session.Principal) ? ReturnUrl : WebArea.HomeOf(session.Principal));
    }

    private PageResult Refused(string message, int status = 400)
    {
        Message = message;
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    /// <summary>Only a page of this service is a place to return to (no open redirect).</summary>
    private string Local(string? url) =>
        url is not null && Url.IsLocalUrl(url) && WebArea.SignedIn.Any(area => area.Contains(url)) ? url : "";
}
