using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>A resource's ETag is its stream version: <c>"3"</c>. It is a strong tag, because
/// <c>If-Match</c> compares strongly; a weak <c>W/"3"</c> sent back (some proxies weaken tags) is
/// still read as version 3 by <see cref="IfMatch"/>.</summary>
public static class ETags
{
    public static string ForVersion(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>Sets the <c>ETag</c> header of the response to the stream version.</summary>
    public static void Set(HttpResponse response, long version) => response.Headers.ETag = ForVersion(version);
}
