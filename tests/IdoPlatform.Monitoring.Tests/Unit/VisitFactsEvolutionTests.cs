using IdoPlatform.Monitoring.Storage.Visits;
using static IdoPlatform.Monitoring.Tests.Unit.Messages;

namespace IdoPlatform.Monitoring.Tests.Unit;

public class VisitFactsEvolutionTests
{
    private static VisitFacts? Fold(params object[] messages) => messages.Aggregate((VisitFacts?)null, VisitFactsEvolution.Evolve);

    [Fact]
    public void A_correction_replaces_the_visit_whole()
    {
        var id = Guid.NewGuid();
        var facts = Fold(
            Registered(Visit(id, 1, questions: [Question("digid"), Question("toeslagen")])),
            Corrected(Visit(id, 2, province: "Flevoland", questions: [Question("belastingen")])));

        Assert.Equal(2, facts!.Version);
        Assert.Equal("Flevoland", facts.Province);
        Assert.Equal(["belastingen"], facts.Questions.Select(q => q.Topic));
    }

    [Fact]
    public void An_older_version_arriving_late_changes_nothing()
    {
        var id = Guid.NewGuid();
        var inOrder = Fold(Registered(Visit(id, 1)), Corrected(Visit(id, 2, channel: "phone")));
        var reordered = Fold(Corrected(Visit(id, 2, channel: "phone")), Registered(Visit(id, 1)));

        Assert.Equal(inOrder, reordered);
        Assert.Equal("phone", reordered!.Channel);
    }

    [Fact]
    public void A_voided_visit_stays_voided_whatever_arrives_after()
    {
        var id = Guid.NewGuid();
        var facts = Fold(Registered(Visit(id, 1)), Voided(Visit(id, 1)), Corrected(Visit(id, 2)), Registered(Visit(id, 1)));

        Assert.True(facts!.Voided);
        Assert.False(facts.Counts);
        Assert.Empty(facts.Questions);
    }

    [Fact]
    public void Hearing_every_message_twice_gives_the_same_facts()
    {
        var id = Guid.NewGuid();
        object[] messages = [Registered(Visit(id, 1)), Corrected(Visit(id, 2, channel: "video"))];
        Assert.Equal(Fold(messages), Fold([.. messages, .. messages]));
    }

    [Fact]
    public void The_day_is_the_Dutch_calendar_day()
    {
        // 23:30 UTC on 31 March 2026 is 01:30 on 1 April in Amsterdam (summer time).
        var facts = Fold(Registered(Visit(Guid.NewGuid(), at: new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero))));
        Assert.Equal(new DateOnly(2026, 4, 1), facts!.Day);
    }

    [Fact]
    public void A_question_without_organisation_counts_under_none_and_help_is_deduplicated()
    {
        var facts = Fold(Registered(Visit(Guid.NewGuid(),
            questions: [Question(organisation: null, help: ["referred", "explained", "referred"])])));
        Assert.Equal(QuestionFact.NoAgency, facts!.Questions[0].Agency);
        Assert.Equal(["explained", "referred"], facts.Questions[0].HelpGiven);
    }
}
