using IdoPlatform.Monitoring.Features.QuestionCounts;
using IdoPlatform.Monitoring.Storage.Cubes;

namespace IdoPlatform.Monitoring.Tests.Unit;

public class CountsSourceTests
{
    private static QuestionCountsQuery Query(string query) =>
        QuestionCountsQuery.Parse(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)).Query
        ?? throw new InvalidOperationException("invalid query " + query);

    [Theory]
    [InlineData("from=2026-01-01&to=2026-12-31&period=quarter&groupBy=province,topic", "month_province_topic")]
    [InlineData("from=2026-01-15&to=2026-01-31&period=quarter&groupBy=province,topic", "day_province_topic")]
    [InlineData("from=2026-01-01&to=2026-12-31&period=week&groupBy=topic", "day_province_topic")]
    [InlineData("from=2026-01-01&to=2026-03-31&groupBy=channel&province=Utrecht", "month_province_channel")]
    [InlineData("from=2026-01-01&to=2026-03-31&period=month&topic=digid", "month_province_topic")]
    [InlineData("from=2026-01-01&to=2026-03-31&groupBy=agency", "month_province_agency")]
    public void A_cube_answers_when_it_can_do_so_exactly(string query, string cube)
    {
        Assert.Equal(cube, CountsSource.Choose(Query(query)).Cube?.Name);
    }

    [Theory]
    // Summing topic cells would count a visit with two topics twice.
    [InlineData("from=2026-01-01&to=2026-12-31&topic=digid,toeslagen", FactsTable.Questions)]
    [InlineData("from=2026-01-01&to=2026-12-31&groupBy=province,domain", FactsTable.Questions)]
    [InlineData("from=2026-01-01&to=2026-12-31&groupBy=municipality", FactsTable.Visits)]
    [InlineData("from=2026-01-01&to=2026-12-31&groupBy=location,topic", FactsTable.Questions)]
    [InlineData("from=2026-01-01&to=2026-12-31&groupBy=channel&topic=digid", FactsTable.Questions)]
    public void Otherwise_the_facts_answer(string query, FactsTable facts)
    {
        var source = CountsSource.Choose(Query(query));
        Assert.Null(source.Cube);
        Assert.Equal(facts, source.Facts);
    }

    [Fact]
    public void A_range_with_partial_months_takes_whole_months_from_the_month_cube_and_the_ends_from_the_day_cube()
    {
        var query = Query("from=2026-01-15&to=2026-12-10&period=quarter&groupBy=province,topic");
        var source = CountsSource.Choose(query);
        Assert.Equal("month_province_topic", source.Cube?.Name);
        Assert.Equal("day_province_topic", source.EdgeCube?.Name);
        Assert.Equal((new DateOnly(2026, 2, 1), new DateOnly(2026, 11, 30)), CountsSource.WholeMonths(query));
    }

    [Fact]
    public void A_national_total_comes_from_a_cube_without_question_dimensions()
    {
        var source = CountsSource.Choose(Query("from=2026-01-01&to=2026-12-31&period=year"));
        Assert.NotNull(source.Cube);
        Assert.Empty(source.Cube!.QuestionDimensions);
        Assert.Equal(TimeGrain.Month, source.Cube.Grain);
    }
}
