using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Web;

namespace IdoPlatform.Offers.Http;

public static class Writes
{
    /// <summary>
    /// The answer to a change through <see cref="EventStreams.Change{T}(Guid, Func{T, Decision}, AppendContext, CancellationToken, Predicate{long}?, int, T?)"/>:
    /// 404 for a missing stream, the reply the decision settled itself (403, 400), 412 for a stale If-Match, 409 when
    /// the state does not allow it, else the state as it is now with its version as the ETag.
    /// </summary>
    public static IResult Answer<T, TView>(this Written<T> written, HttpContext http, string notFound, Func<T, TView> view)
        where T : class => written.Status switch
    {
        WriteStatus.NotFound => Problems.NotFound(notFound),
        WriteStatus.Stopped => (IResult)written.Reply!,
        WriteStatus.Stale => Problems.PreconditionFailed(),
        WriteStatus.Rejected => Problems.Conflict(written.Rejection),
        _ => Ok(http, view(written.State!), written.Version),
    };

    /// <summary>200 with the view, and the version it shows as the ETag.</summary>
    public static IResult Ok<TView>(HttpContext http, TView view, long version)
    {
        ETags.Set(http.Response, version);
        return TypedResults.Ok(view);
    }
}
