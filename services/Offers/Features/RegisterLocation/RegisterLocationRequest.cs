using IdoPlatform.Offers.Features.Locations;

namespace IdoPlatform.Offers.Features.RegisterLocation;

/// <summary>A new location of <c>organisationId</c> (default: the caller's organisation); its id is handed out.</summary>
public sealed record RegisterLocationRequest : LocationRequest;
