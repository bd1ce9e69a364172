using IdoPlatform.Web.Monitoring;
using Microsoft.Extensions.Primitives;

namespace IdoPlatform.Web.Tests.Monitoring;

/// <summary>The dashboard's URL read without a browser: defaults, every problem named at once, the API query built from
/// known keys only, the Dutch period labels and the CSV cells.</summary>
public sealed class MonitorQueryTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);

    private static (MonitorQuery Query, IReadOnlyList<(string Key, string Reason)> Errors) Read(params (string Key, string Value)[] url) =>
        MonitorQuery.Read(url.Select(p => new KeyValuePair<string, StringValues>(p.Key, p.Value)), Today);

    [Fact]
    public void An_empty_url_shows_this_year_so_far_per_quarter_and_province()
    {
        var (query, errors) = Read();
        Assert.Empty(errors);
        Assert.Equal("from=2026-01-01&to=2026-12-04&period=quarter&groupBy=province", query.CountsApiQuery());
    }

    [Fact]
    public void From_after_to_an_unknown_period_and_grouping_are_all_named()
    {
        var (_, errors) = Read(("from", "2026-12-01"), ("to", "2026-11-01"), ("period", "week"), ("groupBy", "bsn"));
        Assert.Equal(["from", "period", "groupBy"], errors.Select(e => e.Key));
        Assert.Contains("ligt na", errors[0].Reason);
    }

    [Fact]
    public void A_date_that_is_not_a_date_is_named_with_the_form_to_use()
    {
        var (_, errors) = Read(("from", "gisteren"), ("to", ""));
        Assert.Equal(["from", "to"], errors.Select(e => e.Key));
        Assert.Contains("JJJJ-MM-DD", errors[0].Reason);
        Assert.Contains("Verplicht", errors[1].Reason);
    }

    [Fact]
    public void Filters_reach_the_api_query_empty_and_unknown_keys_do_not_and_the_whole_range_has_no_period()
    {
        var (query, errors) = Read(("from", "2026-01-01"), ("to", "2026-03-31"), ("period", "geheel"), ("groupBy", "topic"),
            ("province", "Fryslân"), ("channel", ""), ("organisation", "x"), ("agency", "uwv"));
        Assert.Empty(errors);
        Assert.Equal("from=2026-01-01&to=2026-03-31&groupBy=topic&agency=uwv&province=Frysl%C3%A2n", query.CountsApiQuery());
        Assert.Equal("from=2026-01-01&to=2026-03-31&groupBy=agency&agency=uwv&province=Frysl%C3%A2n", query.OutcomesApiQuery());
        Assert.Equal("from=2026-01-01&to=2026-03-31&period=geheel&groupBy=topic&agency=uwv&province=Frysl%C3%A2n", query.PageQuery());
    }

    [Theory]
    [InlineData("2026-Q3", "3e kwartaal 2026")]
    [InlineData("2026-03", "maart 2026")]
    [InlineData("2026", "2026")]
    [InlineData("2026-01-01/2026-03-31", "1 januari 2026 t/m 31 maart 2026")]
    public void Periods_read_in_Dutch(string iso, string dutch) => Assert.Equal(dutch, MonitorDashboard.PeriodText(iso));

    [Fact]
    public void The_csv_holds_the_cells_as_shown_withheld_ones_as_less_than_five_and_quotes_where_needed()
    {
        var table = new CountsTable("Gemeente", [
            new CountsRow("maart 2026", "Súdwest-Fryslân; noord", 12, 15, false),
            new CountsRow("maart 2026", "'s-Gravenhage, centrum", null, null, true),
        ], true, 1, 5);
        Assert.Equal(
            "Periode;Gemeente;Bezoeken;Vragen\r\n" +
            "maart 2026;\"Súdwest-Fryslân; noord\";12;15\r\n" +
            "maart 2026;'s-Gravenhage, centrum;< 5;< 5\r\n",
            MonitorCsv.Write(table));
        // The whole range as one period: no period column, in the CSV as on the page.
        Assert.StartsWith("Gemeente;Bezoeken;Vragen\r\n", MonitorCsv.Write(table with { ShowPeriod = false }));
        // The file opens in Dutch Excel as UTF-8: a byte order mark before the text.
        Assert.Equal([0xEF, 0xBB, 0xBF, (byte)'P'], MonitorCsv.File(table).Take(4));
    }
}
