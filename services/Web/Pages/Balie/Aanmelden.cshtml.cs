using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Web.Hosting;
using IdoPlatform.Web.SignIn;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace IdoPlatform.Web.Pages.Balie;

/// <summary>Sign-in: at the organisation's OpenID Connect provider when one is configured; locally with a demo
/// account, whose token the gateway issues.</summary>
public sealed class AanmeldenModel(IOptions<WebOptions> options, DemoTokenClient demoTokens) : PageModel
{
    public bool DemoEnabled => options.Value.DemoSignIn.Enabled;
    public bool UsesOpenIdConnect => options.Value.OpenIdConnect.IsConfigured;
    public string? Message { get; private set; }
    public string? Username { get; private set; }
    public string ReturnUrl { get; private set; } = "/balie";

    public void OnGet(string? returnUrl) => ReturnUrl = Local(returnUrl);

    public IActionResult OnPostExtern(string? returnUrl) => UsesOpenIdConnect
        ? Challenge(new AuthenticationProperties { RedirectUri = Local(returnUrl) }, OpenIdConnectDefaults.AuthenticationScheme)
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
        if (!session.Principal.IsInRole(Roles.Desk))
            return Refused("Deze pagina's zijn voor baliemedewerkers; dit account is dat niet.", 403);

        await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, session.Principal, session.Properties());
        return LocalRedirect(ReturnUrl);
    }

    private PageResult Refused(string message, int status = 400)
    {
        Message = message;
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    private string Local(string? url) => url is not null && Url.IsLocalUrl(url) && url.StartsWith("/balie", StringComparison.Ordinal) ? url : "/balie";
}
