using IdoPlatform.BuildingBlocks.Domain;
using IdoPlatform.Web.Desk;
using IdoPlatform.Web.Finder;
using IdoPlatform.Web.Referrals;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace IdoPlatform.Web.Pages.Verwijzen;

/// <summary>/verwijzen: postcode or place → the nearest IDO locations open on a day (list + map), each with a form to
/// issue a referral there. The search is a GET form, so a search's address can be shared and bookmarked.</summary>
public sealed class VerwijzenModel(AgencyReferrals referrals, PlaceNames places, DeskCodes codes, IOptions<MapSettings> map,
    TimeProvider clock) : AgencyPage
{
    public const int Shown = 5;

    private static readonly Dictionary<string, string> SearchFields = new() { ["postcode"] = SearchPlace.Field, ["openOn"] = "open", ["topic"] = "onderwerp" };
    private static readonly Dictionary<string, string> IssueFields = new() { ["topic"] = "verwijs-onderwerp", ["method"] = "verwijs-wijze" };

    [BindProperty(SupportsGet = true, Name = "waar")] public string? Where { get; set; }
    [BindProperty(SupportsGet = true, Name = "onderwerp")] public string? Topic { get; set; }
    [BindProperty(SupportsGet = true, Name = "open")] public string? OpenOn { get; set; }

    public override MapSettings Map => map.Value;
    public CodeBook? Codes { get; private set; }
    public FieldErrors Errors { get; private set; } = FieldErrors.None;
    public PlacesView? Results { get; private set; }
    public string? Message { get; private set; }
    public DateOnly Today => DutchCalendar.DayOf(clock.GetUtcNow());

    public async Task<IActionResult> OnGetAsync()
    {
        Codes = await codes.GetAsync(HttpContext.RequestAborted);
        if (Request.Query.ContainsKey("waar"))
            return await SearchAsync(IssueState.Fresh(null));
        return Page();
    }

    /// <summary>"Verwijs hierheen": issue, then show the code and its slip (post/redirect/get). A refusal shows the
    /// search again with the reasons at that location's fields.</summary>
    public async Task<IActionResult> OnPostVerwijsAsync(string? locationId, string? topic, string? method, string? sleutel)
    {
        var ct = HttpContext.RequestAborted;
        Codes = await codes.GetAsync(ct);
        var answer = await referrals.IssueAsync(Agency, Blank(topic), Blank(locationId), Blank(method), sleutel, ct);
        if (answer.Status == StatusCodes.Status201Created)
            return Redirect($"/verwijzen/verwijzingen/{answer.Read<AgencyReferralDto>().Code}");
        var state = new IssueState(locationId, Blank(topic), Blank(method), sleutel ?? Guid.NewGuid().ToString(),
            answer.Status == 400 ? AgencyReferrals.Errors(answer, IssueFields) : FieldErrors.None,
            answer.Status == 400 ? null : AgencyReferrals.Explain(answer));
        var page = await SearchAsync(state);
        if (page is PageResult result)
            result.StatusCode = answer.IsUnavailable ? 503 : answer.Status;
        return page;
    }

    private async Task<IActionResult> SearchAsync(IssueState issue)
    {
        var (place, problem) = SearchPlace.Read(Where, places);
        if (place is null)
        {
            Errors = FieldErrors.Of(SearchPlace.Field, problem!);
            return StatusPage(400);
        }
        var (found, answer) = await referrals.NearbyAsync(place, Blank(Topic), Blank(OpenOn), Shown, HttpContext.RequestAborted);
        if (found is null)
        {
            if (answer.Status == 400)
            {
                Errors = AgencyReferrals.Errors(answer, SearchFields);
                return StatusPage(400);
            }
            Message = AgencyReferrals.Explain(answer);
            return StatusPage(answer.IsUnavailable ? 503 : answer.Status);
        }
        var day = DateOnly.TryParseExact(Blank(OpenOn), "yyyy-MM-dd", out var d) ? d : Today;
        var topicText = Blank(Topic) is { } t && Codes is not null ? $" · passend aanbod voor {Codes.Label(DeskCodes.Topics, t)}" : "";
        Results = new PlacesView($"Dichtstbijzijnde IDO's bij {place.Shown}, open {FinderText.Day(day, Today)}{topicText}",
            found, Map, day == Today ? "Vandaag open" : $"Open op {DutchTime.DayName(day, Today)}", "_IssueForm",
            issue with { Topic = issue.Topic ?? Blank(Topic), Codes = Codes, Where = Where, SearchTopic = Topic, OpenOn = OpenOn })
        {
            OtherPlaces = OtherPlace.Of(place, "/verwijzen", ("onderwerp", Topic), ("open", OpenOn)),
        };
        return Page();
    }

    private PageResult StatusPage(int status)
    {
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>The issue forms under the cards: which location's form was sent (its values and errors come back), the
/// idempotency key (a double click issues one referral), and the search to return to.</summary>
public sealed record IssueState(string? LocationId, string? Topic, string? Method, string Key, FieldErrors Errors, string? Message,
    CodeBook? Codes = null, string? Where = null, string? SearchTopic = null, string? OpenOn = null)
{
    public static IssueState Fresh(string? topic) => new(null, topic, null, Guid.NewGuid().ToString(), FieldErrors.None, null);

    public bool IsFor(string locationId) => LocationId == locationId;
}
