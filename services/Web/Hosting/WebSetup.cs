using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Monitoring;
using IdoPlatform.Web.Finder;
using IdoPlatform.Web.Platform;
using IdoPlatform.Web.SignIn;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace IdoPlatform.Web.Hosting;

public static class WebSetup
{
    public static WebApplicationBuilder AddWebPages(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        // The launcher runs the build output, where wwwroot is found through the static web assets manifest (on by
        // default only in Development); a published app has its wwwroot beside it and no manifest, so this is a no-op.
        builder.WebHost.UseStaticWebAssets();
        var services = builder.Services;
        var web = builder.Configuration.GetSection(WebOptions.Section).Get<WebOptions>() ?? new WebOptions();
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section);

        services.AddRazorPages(pages =>
        {
            pages.Conventions.AllowAnonymousToPage("/Aanmelden");
            pages.Conventions.AllowAnonymousToPage("/GeenToegang");
            pages.Conventions.AllowAnonymousToPage("/NietGevonden");
            pages.Conventions.AllowAnonymousToFolder("/Aanbod");
            // The desk's first address for signing in, kept for bookmarks.
            pages.Conventions.AddPageRoute("/Aanmelden", "balie/aanmelden");
            foreach (var area in WebArea.SignedIn)
                pages.Conventions.AuthorizeFolder(area.Folder, area.Policy);
        });
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "ido-web-af";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddSessionCookie(web.OpenIdConnect);
        services.AddAuthorization(authorization =>
        {
            authorization.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            foreach (var area in WebArea.SignedIn)
                authorization.AddPolicy(area.Policy, policy => policy.RequireAuthenticatedUser().RequireRole(area.Roles));
        });

        services.AddHttpContextAccessor();
        foreach (var (name, address) in new[]
                 {
                     (PlatformApi.Registrations, web.Services.Registrations), (PlatformApi.Referrals, web.Services.Referrals),
                     (PlatformApi.Offers, web.Services.Offers), (PlatformApi.Monitoring, web.Services.Monitoring),
                     (DemoTokenClient.Name, web.DemoSignIn.Gateway),
                 })
            services.AddHttpClient(name, http =>
            {
                http.BaseAddress = address;
                http.Timeout = TimeSpan.FromSeconds(15);
            });
        services.AddScoped<PlatformApi>();
        services.AddScoped<DeskOverview>();
        services.AddScoped<IdoPlatform.Web.Library.LibraryReads>();
        services.AddSingleton<DemoTokenClient>();
        services.AddSingleton<DeskCodes>();
        services.AddSingleton<DeskLocations>();
        services.AddMonitorDashboard();
        services.AddFinder(); // /verwijzen and /aanbod
        services.AddSingleton(TimeProvider.System);
        services.AddHealthChecks();
        return builder;
    }

    public static WebApplication UseWebPages(this WebApplication app)
    {
        // Behind the gateway: redirects (sign-in) must name the gateway's host, not this service's loopback port.
        // Forwarded headers are trusted from loopback proxies only (the default); configure KnownNetworks elsewhere.
        app.UseForwardedHeaders(new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost,
        });
        app.UseMiddleware<PageHeaders>();
        app.UseStaticFiles(new StaticFileOptions
        {
            // The gateway adds no-store to whatever comes without cache headers; the vendored files may be kept.
            OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=3600",
        });
        // An empty 404 (no such page) gets a page of its own; answers with a body (fragments) are left alone.
        app.UseStatusCodePagesWithReExecute("/niet-gevonden");
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapHealthChecks("/health/live").AllowAnonymous();
        app.MapHealthChecks("/health/ready").AllowAnonymous();
        return app;
    }

    /// <summary>The session is an encrypted, HttpOnly, SameSite=Strict cookie holding the access token, so no page script
    /// ever sees it. Signed in by the demo form locally, or by OpenID Connect (code + PKCE) when a provider is set.</summary>
    private static void AddSessionCookie(this IServiceCollection services, OpenIdConnectSettings oidc)
    {
        var authentication = services.AddAuthentication(options =>
        {
            options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.DefaultChallengeScheme = oidc.IsConfigured
                ? OpenIdConnectDefaults.AuthenticationScheme
                : CookieAuthenticationDefaults.AuthenticationScheme;
        });
        authentication.AddCookie(cookie =>
        {
            cookie.Cookie.Name = "ido-web";
            cookie.Cookie.HttpOnly = true;
            // Strict, except behind a provider: its callback is a cross-site navigation, and a Strict cookie set there
            // would not come back on the redirect to the page (a sign-in loop). Lax still keeps it off cross-site posts.
            cookie.Cookie.SameSite = oidc.IsConfigured ? SameSiteMode.Lax : SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = "/aanmelden";
            cookie.AccessDeniedPath = "/geen-toegang";
            cookie.SlidingExpiration = false; // the session lasts as long as its access token
            cookie.Events.OnRedirectToLogin = context => NoRedirectForScripts(context, StatusCodes.Status401Unauthorized);
            cookie.Events.OnRedirectToAccessDenied = context => NoRedirectForScripts(context, StatusCodes.Status403Forbidden);
        });
        if (!oidc.IsConfigured)
            return;
        authentication.AddOpenIdConnect(options =>
        {
            options.Authority = oidc.Authority;
            options.ClientId = oidc.ClientId;
            options.ClientSecret = oidc.ClientSecret;
            options.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            options.ResponseType = "code";
            options.UsePkce = true;
            options.SaveTokens = true;
            options.MapInboundClaims = false;
            options.Scope.Add("offline_access");
            options.CallbackPath = "/aanmelden/oidc";
            options.SignedOutCallbackPath = "/afmelden/oidc";
            options.Events.OnTokenValidated = context =>
            {
                // Our roles and organisation travel in the access token the services check, not in the id token.
                if (SessionPrincipal.From(context.TokenEndpointResponse?.AccessToken,
                        context.Principal?.FindFirst(PlatformClaims.Name)?.Value) is { } session)
                    context.Principal = session.Principal;
                else
                    context.Fail("Het toegangstoken van de aanbieder heeft geen bruikbare rol.");
                return Task.CompletedTask;
            };
        });
    }

    /// <summary>A script's request (htmx, the send queue) gets a status, not a redirect to the sign-in page.</summary>
    private static Task NoRedirectForScripts(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var request = context.Request;
        if (request.Headers.ContainsKey("HX-Request") || !HttpMethods.IsGet(request.Method))
            context.Response.StatusCode = status;
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
