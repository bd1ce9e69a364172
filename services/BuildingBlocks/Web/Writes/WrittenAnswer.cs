using IdoPlatform.BuildingBlocks.EventStore;
using Microsoft.AspNetCore.Http;

namespace IdoPlatform.BuildingBlocks.Web;

/// <summary>
/// The HTTP answer to a change made through <see cref="EventStreams"/>, the same in every service: 404 for a
/// missing stream, the reply the decision settled itself (400, 403), 412 for a stale If-Match, 409 when the state
/// does not allow the change, else 200 with the state as it is now and its version as the ETag.
/// </summary>
public static class WrittenAnswer
{
    public static IResult Answer<T, TView>(this Written<T> written, HttpContext http, Func<IResult> notFound,
        Func<T, long, TView> view, string? staleDetail = null) where T : class => written.Status switch
    {
        WriteStatus.NotFound => notFound(),
        WriteStatus.Stopped => (IResult)written.Reply!,
        WriteStatus.Stale => Problems.PreconditionFailed(staleDetail),
        WriteStatus.Rejected => Problems.Conflict(written.Rejection!),
        _ => Ok(http, view(written.State!, written.Version), written.Version),
    };

    public static IResult Answer<T, TView>(this Written<T> written, HttpContext http, string notFoundDetail,
        Func<T, TView> view) where T : class =>
        written.Answer(http, () => Problems.NotFound(notFoundDetail), (state, _) => view(state));

    /// <summary>200 with the view, and the version it shows as the ETag.</summary>
    public static IResult Ok<TView>(HttpContext http, TView view, long version)
    {
        ETags.Set(http.Response, version);
        return TypedResults.Ok(view);
    }
}
