using IdoPlatform.Offers.Features.Locations;

namespace IdoPlatform.Offers.Features.ChangeLocation;

/// <summary>The location as it should be; <c>organisationId</c>, if sent, must be its own organisation.</summary>
public sealed record ChangeLocationRequest : LocationRequest;
