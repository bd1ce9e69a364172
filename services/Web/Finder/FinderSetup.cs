using IdoPlatform.Web.Referrals;

namespace IdoPlatform.Web.Finder;

public static class FinderSetup
{
    /// <summary>The finder pages' services: the map settings, the place list, the offers and referrals look-ups.</summary>
    public static IServiceCollection AddFinder(this IServiceCollection services)
    {
        services.AddOptions<MapSettings>().BindConfiguration(MapSettings.Section);
        services.AddSingleton(provider => PlaceNames.Load(provider.GetRequiredService<IConfiguration>(),
            provider.GetRequiredService<ILoggerFactory>().CreateLogger<PlaceNames>()));
        services.AddScoped<OffersDirectory>();
        services.AddSingleton<OfferCodes>();
        services.AddScoped<AgencyReferrals>();
        return services;
    }
}
