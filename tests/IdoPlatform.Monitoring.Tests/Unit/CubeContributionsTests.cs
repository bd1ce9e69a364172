using IdoPlatform.Monitoring.Storage.Cubes;
using IdoPlatform.Monitoring.Storage.Visits;
using IdoPlatform.Monitoring.Reporting;
using static IdoPlatform.Monitoring.Tests.Unit.Messages;

namespace IdoPlatform.Monitoring.Tests.Unit;

public class CubeContributionsTests
{
    private static readonly CubeDefinition ByTopic = new("t", TimeGrain.Month, [Dimension.Province], [Dimension.Topic]);
    private static readonly CubeDefinition ByChannel = new("c", TimeGrain.Day, [Dimension.Province, Dimension.Channel], []);
    private static readonly CubeDefinition ByHelp = new("h", TimeGrain.Day, [], [Dimension.HelpGiven]);

    private static VisitFacts Facts(params Contracts.Registrations.QuestionCodes[] questions) =>
        VisitFactsEvolution.From(Visit(Guid.NewGuid(), questions: questions), voided: false);

    [Fact]
    public void A_visit_counts_once_per_cell_with_all_its_questions_in_it()
    {
        var cells = new Dictionary<CubeKey, CubeCounts>();
        CubeContributions.AddTo(cells, ByTopic, Facts(Question("digid"), Question("digid"), Question("toeslagen")), +1);

        var month = new DateOnly(2026, 2, 1);
        Assert.Equal(new CubeCounts(1, 2), cells[new CubeKey(month, "Utrecht", "digid", null)]);
        Assert.Equal(new CubeCounts(1, 1), cells[new CubeKey(month, "Utrecht", "toeslagen", null)]);
    }

    [Fact]
    public void A_cube_without_question_dimensions_counts_the_visit_and_all_its_questions()
    {
        var cells = new Dictionary<CubeKey, CubeCounts>();
        CubeContributions.AddTo(cells, ByChannel, Facts(Question("digid"), Question("toeslagen")), +1);
        Assert.Equal(new CubeCounts(1, 2), Assert.Single(cells).Value);
    }

    [Fact]
    public void A_question_counts_once_under_each_kind_of_help()
    {
        var cells = new Dictionary<CubeKey, CubeCounts>();
        CubeContributions.AddTo(cells, ByHelp, Facts(Question(help: ["explained", "referred"]), Question(help: ["explained"])), +1);
        Assert.Equal(new CubeCounts(1, 2), cells.Single(c => c.Key.A == "explained").Value);
        Assert.Equal(new CubeCounts(1, 1), cells.Single(c => c.Key.A == "referred").Value);
    }

    [Fact]
    public void Taking_a_visit_out_again_leaves_no_cells()
    {
        var cells = new Dictionary<CubeKey, CubeCounts>();
        var visit = Facts(Question("digid"), Question("huur"));
        CubeContributions.AddTo(cells, ByTopic, visit, +1);
        CubeContributions.AddTo(cells, ByTopic, visit, -1);
        Assert.Empty(cells);
    }

    [Fact]
    public void A_voided_visit_contributes_nothing()
    {
        var cells = new Dictionary<CubeKey, CubeCounts>();
        CubeContributions.AddTo(cells, ByTopic, Facts() with { Voided = true }, +1);
        Assert.Empty(cells);
    }
}
