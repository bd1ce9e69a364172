using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.BuildingBlocks.Security;
using IdoPlatform.Web.Pages.Balie;
using IdoPlatform.Web.Platform;

namespace IdoPlatform.Web.Desk;

/// <summary>What the desk page shows beside the form: this week's visits of the organisation's locations, newest
/// first, split into today and earlier.</summary>
public sealed class DeskOverview(PlatformApi api, DeskLocations locations, DeskCodes codes, TimeProvider clock)
{
    /// <summary>At most this many pages of 100 (a week of a very busy library); older visits of the week are left out.</summary>
    private const int MostPages = 5;

    public async Task<VisitListsView> ListsAsync(CurrentAccount account, CancellationToken ct)
    {
        var today = DutchCalendar.DayOf(clock.GetUtcNow());
        var monday = DutchTime.WeekStart(today);
        var visits = await WeekAsync(monday, today, ct);
        var book = await codes.GetAsync(ct);
        if (visits is null || book is null)
            return new VisitListsView([], [], Unavailable: true);

        var places = await locations.OfAsync(account.OrganisationId!.Value, ct);
        var rows = visits
            .OrderByDescending(v => v.OccurredAt)
            .Select(v => (Day: DutchCalendar.DayOf(v.OccurredAt), Row: new VisitRow(v.Id,
                DutchCalendar.DayOf(v.OccurredAt) == today ? DutchTime.Clock(v.OccurredAt) : DutchTime.DayAndClockInWeek(v.OccurredAt),
                DeskLocations.NameOf(places, v.LocationId), Topics(book, v), book.Label(DeskCodes.Channels, v.Channel), v.IsVoided)))
            .ToList();
        return new VisitListsView(rows.Where(r => r.Day == today).Select(r => r.Row).ToList(),
            rows.Where(r => r.Day != today).Select(r => r.Row).ToList(), Unavailable: false);
    }

    /// <summary>The week's visits, newest first, following the list's next links up to <see cref="MostPages"/> pages;
    /// null when the registrations service does not answer.</summary>
    private async Task<IReadOnlyList<VisitDto>?> WeekAsync(DateOnly monday, DateOnly today, CancellationToken ct)
    {
        var visits = new List<VisitDto>();
        string? path = $"registrations/v1/visits?from={monday:yyyy-MM-dd}&to={today:yyyy-MM-dd}&pageSize=100";
        for (var page = 0; page < MostPages && path is not null; page++)
        {
            var answer = await api.GetAsync(PlatformApi.Registrations, path, ct);
            if (!answer.IsSuccess) return page == 0 ? null : visits; // what came so far is still this week's newest
            var read = answer.Read<KeysetPage<VisitDto>>();
            visits.AddRange(read.Items);
            path = read.Next?.TrimStart('/'); // relative to the service's address, as the first request
        }
        return visits;
    }

    public static string Topics(CodeBook codes, VisitDto visit) =>
        string.Join(", ", visit.Questions.Select(q => codes.Label(DeskCodes.Topics, q.Topic)));
}
