using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Registrations.Common;

namespace IdoPlatform.Registrations.Features.Visits;

public static class VisitStream
{
    /// <summary>The visit and its version, or null when it does not exist or is another organisation's.</summary>
    public static async Task<Loaded<Visit>?> LoadOwn(this EventStreams streams, Guid id, CurrentAccount account,
        CancellationToken ct) =>
        await streams.Load<Visit>(id, ct) is { } loaded && account.Owns(loaded.State.Place.OrganisationId) ? loaded : null;

    /// <summary>The answer to a change of a visit (<see cref="WrittenAnswer"/>): a foreign visit is as unknown as a
    /// missing one.</summary>
    public static IResult Answer(this Written<Visit> written, HttpContext http) =>
        written.Answer(http, DeskAccess.VisitNotFound, VisitResponse.From, "Het bezoek is intussen gewijzigd; haal het opnieuw op.");
}
