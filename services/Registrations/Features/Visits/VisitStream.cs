using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Registrations.Common;

namespace IdoPlatform.Registrations.Features.Visits;

public static class VisitStream
{
    /// <summary>The visit and its version, or null when it does not exist or is another organisation's.</summary>
    public static async Task<Loaded<Visit>?> LoadOwn(this EventStreams streams, Guid id, CurrentAccount account,
        CancellationToken ct) =>
        await streams.Load<Visit>(id, ct) is { } loaded && account.Owns(loaded.State.Place.OrganisationId) ? loaded : null;

    /// <summary>The answer to a change of a visit that did not append: 404 for a missing or foreign visit, 412 when
    /// the If-Match is stale, 409 when the visit does not allow it, the state as it is when nothing changed.</summary>
    public static IResult Answer(this Written<Visit> written, HttpContext http) => written.Status switch
    {
        WriteStatus.NotFound => DeskAccess.VisitNotFound(),
        WriteStatus.Stopped => (IResult)written.Reply!,
        WriteStatus.Stale => BuildingBlocks.Web.Problems.PreconditionFailed("Het bezoek is intussen gewijzigd; haal het opnieuw op."),
        WriteStatus.Rejected => BuildingBlocks.Web.Problems.Conflict(written.Rejection!),
        _ => Respond(http, written.State!, written.Version),
    };

    public static IResult Respond(HttpContext http, Visit visit, long version)
    {
        BuildingBlocks.Web.ETags.Set(http.Response, version);
        return TypedResults.Ok(VisitResponse.From(visit, version));
    }
}
