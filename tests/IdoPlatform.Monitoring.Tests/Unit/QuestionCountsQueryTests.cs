using IdoPlatform.Monitoring.Features.QuestionCounts;
using IdoPlatform.Monitoring.Reporting;
using Microsoft.AspNetCore.WebUtilities;

namespace IdoPlatform.Monitoring.Tests.Unit;

public class QuestionCountsQueryTests
{
    private static (QuestionCountsQuery? Query, IReadOnlyList<string> Problems) Parse(string query)
    {
        var (parsed, errors) = QuestionCountsQuery.Parse(QueryHelpers.ParseQuery(query));
        return (parsed, errors.Errors.Select(e => e.Name).ToList());
    }

    [Fact]
    public void Reads_range_period_grouping_and_filters()
    {
        var (query, problems) = Parse("from=2026-01-01&to=2026-06-30&period=quarter&groupBy=topic,province&province=Utrecht,Flevoland&helpGiven=referred");
        Assert.Empty(problems);
        Assert.Equal(PeriodKind.Quarter, query!.Period);
        Assert.Equal([Dimension.Province, Dimension.Topic], query.GroupBy);
        Assert.Equal(["Utrecht", "Flevoland"], query.Filters[Dimension.Province]);
        Assert.Equal(["referred"], query.Filters[Dimension.HelpGiven]);
    }

    [Fact]
    public void Names_every_problem_at_once()
    {
        var (query, problems) = Parse("from=2026-07-01&to=2026-06-30&period=decade&groupBy=province,colour&colour=red&organisation=nope");
        Assert.Null(query);
        Assert.Equal(["from", "period", "groupBy", "organisation", "colour"], problems);
    }

    [Fact]
    public void A_province_outside_the_twelve_is_named_not_counted_as_nothing()
    {
        var (query, problems) = Parse("from=2026-01-01&to=2026-06-30&province=Utrecht,Friesland");
        Assert.Null(query);
        Assert.Equal(["province"], problems);
        Assert.Empty(Parse("from=2026-01-01&to=2026-06-30&province=Frysl%C3%A2n").Problems);
    }

    [Fact]
    public void From_and_to_are_required_dates()
    {
        var (_, problems) = Parse("to=30-06-2026");
        Assert.Equal(["from", "to"], problems);
    }

    [Fact]
    public void Too_many_periods_are_refused_before_any_query_runs()
    {
        var (_, problems) = Parse("from=1900-01-01&to=2200-12-31&period=day");
        Assert.Equal(["period"], problems);
    }

    [Theory]
    [InlineData("from=9999-12-31&to=9999-12-31")]
    [InlineData("from=0001-01-01&to=0001-01-01&period=week")]
    [InlineData("from=1899-12-31&to=3000-01-01&period=year")]
    public void Dates_outside_the_accepted_years_are_refused_before_any_arithmetic(string query)
    {
        var (parsed, problems) = Parse(query);
        Assert.Null(parsed);
        Assert.Equal(["from", "to"], problems);
    }

    [Fact]
    public void A_location_or_municipality_makes_the_query_finer_than_province()
    {
        Assert.False(Parse("from=2026-01-01&to=2026-01-31&groupBy=province,topic").Query!.IsFinerThanProvince);
        Assert.True(Parse("from=2026-01-01&to=2026-01-31&groupBy=municipality").Query!.IsFinerThanProvince);
        Assert.True(Parse("from=2026-01-01&to=2026-01-31&groupBy=topic&location=NL-000001-0001").Query!.IsFinerThanProvince);
    }
}
