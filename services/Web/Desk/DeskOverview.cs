using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Web.Pages.Balie;
using IdoPlatform.Web.Platform;

namespace IdoPlatform.Web.Desk;

/// <summary>What the desk page shows beside the form: this week's visits of the organisation's locations, newest
/// first, split into today and earlier.</summary>
public sealed class DeskOverview(PlatformApi api, DeskLocations locations, DeskCodes codes, TimeProvider clock)
{
    public async Task<VisitListsView> ListsAsync(CurrentAccount account, CancellationToken ct)
    {
        var today = DutchTime.DateOf(clock.GetUtcNow());
        var monday = DutchTime.WeekStart(today);
        var answer = await api.GetAsync(PlatformApi.Registrations,
            $"registrations/v1/visits?from={monday:yyyy-MM-dd}&to={today:yyyy-MM-dd}&pageSize=100", ct);
        var book = await codes.GetAsync(ct);
        if (!answer.IsSuccess || book is null)
            return new VisitListsView([], [], Unavailable: true);

        var places = await locations.OfAsync(account.OrganisationId!.Value, ct);
        var rows = answer.Read<Paged<VisitDto>>().Items
            .OrderByDescending(v => v.OccurredAt)
            .Select(v => (Day: DutchTime.DateOf(v.OccurredAt), Row: new VisitRow(v.Id,
                DutchTime.DateOf(v.OccurredAt) == today ? DutchTime.Clock(v.OccurredAt) : DutchTime.DayAndClock(v.OccurredAt),
                DeskLocations.NameOf(places, v.LocationId), Topics(book, v), book.Label(DeskCodes.Channels, v.Channel), v.IsVoided)))
            .ToList();
        return new VisitListsView(rows.Where(r => r.Day == today).Select(r => r.Row).ToList(),
            rows.Where(r => r.Day != today).Select(r => r.Row).ToList(), Unavailable: false);
    }

    public static string Topics(CodeBook codes, VisitDto visit) =>
        string.Join(", ", visit.Questions.Select(q => codes.Label(DeskCodes.Topics, q.Topic)));
}
