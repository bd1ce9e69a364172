using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Registrations.Features.CorrectVisit;
using IdoPlatform.Registrations.Features.RegisterVisit;
using IdoPlatform.Registrations.Features.Visits;
using IdoPlatform.Registrations.Features.VoidVisit;
using IdoPlatform.Registrations.Relay;
using static IdoPlatform.Registrations.Tests.Unit.Samples;

namespace IdoPlatform.Registrations.Tests.Unit;

public class VisitDecisionTests
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly VisitPlace Place = new("loc-1", OrganisationId, "GM0344", "Utrecht", "Utrecht");

    private static VisitDetails Details(string channel = "in-person") =>
        new(Now.AddHours(-1), channel, [new Question("digid", "digital-government", "logius", "0-10", ["explained"], null, null)], null, null);

    private static Visit Registered() =>
        Visit.Evolve(null, RegisterVisit.Decide(Id, new CheckedVisit(Place, Details()), Now))!;

    [Fact]
    public void Registering_then_correcting_then_voiding_folds_into_the_visit()
    {
        var visit = Registered();
        Assert.Equal((Id, VisitStatus.Registered, Now), (visit.Id, visit.Status, visit.RegisteredAt));

        var outcome = CorrectVisit.Decide(visit, new CheckedVisit(Place, Details("phone")), "kanaal verkeerd", Now.AddMinutes(5));
        var corrected = Assert.IsType<VisitCorrected>(Assert.Single(outcome.Events));
        visit = Visit.Evolve(visit, corrected)!;
        Assert.Equal("phone", visit.Details.Channel);
        Assert.Equal(Now.AddMinutes(5), visit.ChangedAt);

        var voided = Assert.IsType<VisitVoided>(Assert.Single(VoidVisit.Decide(visit, "dubbel geregistreerd", Now.AddMinutes(9)).Events));
        Assert.Equal("phone", voided.Details.Channel); // the visit as it was, for consumers to take out
        visit = Visit.Evolve(visit, voided)!;
        Assert.True(visit.IsVoided);
        Assert.Equal("dubbel geregistreerd", visit.VoidReason);
    }

    [Fact]
    public void A_correction_that_changes_nothing_records_nothing() =>
        Assert.Equal(Decision.Unchanged, CorrectVisit.Decide(Registered(), new CheckedVisit(Place, Details()), "niets", Now));

    [Fact]
    public void A_voided_visit_can_be_neither_corrected_nor_voided_again()
    {
        var voided = Visit.Evolve(Registered(), VoidVisit.Decide(Registered(), "test", Now).Events[0])!;
        Assert.Equal(CorrectVisit.VoidedRejection,
            CorrectVisit.Decide(voided, new CheckedVisit(Place, Details("phone")), "x", Now).Rejection);
        Assert.Equal(VoidVisit.AlreadyVoided, VoidVisit.Decide(voided, "nog eens", Now).Rejection);
    }

    [Fact]
    public void An_idempotency_key_gives_the_same_id_per_account_and_a_different_one_across_accounts()
    {
        Assert.Equal(RegisterVisit.IdFor("account-1", "key-1"), RegisterVisit.IdFor("account-1", "key-1"));
        Assert.NotEqual(RegisterVisit.IdFor("account-1", "key-1"), RegisterVisit.IdFor("account-2", "key-1"));
        Assert.NotEqual(RegisterVisit.IdFor("account-1", "key-1"), RegisterVisit.IdFor("account-1", "key-2"));
        Assert.Equal(5, RegisterVisit.IdFor("a", "b").Version);
    }

    [Fact]
    public void The_relay_publishes_the_visit_whole_without_its_note()
    {
        var map = new BuildingBlocks.Messaging.Relay.IntegrationEventMap();
        VisitIntegrationEvents.Map(map);
        var details = Details() with { Note = "Samen gedaan.", ReferralCode = "K7QF-2M9D" };
        var voided = new VisitVoided(Id, Place, details, "dubbel", Now);
        var stored = new StoredEvent(7, Id, 3, "visit-voided", voided,
            new EventMetadata(Guid.NewGuid(), Now, "account-1", null, null));

        var message = Assert.IsType<Contracts.Registrations.VisitVoided>(map.ToMessage(stored));
        Assert.Equal(Now, message.VoidedAt);
        var snapshot = message.Visit;
        Assert.Equal((Id, 3, "loc-1", OrganisationId, "GM0344", "Utrecht", "Utrecht", "in-person", "K7QF-2M9D"),
            (snapshot.VisitId, snapshot.Version, snapshot.LocationId, snapshot.OrganisationId, snapshot.MunicipalityCode,
                snapshot.MunicipalityName, snapshot.Province, snapshot.Channel, snapshot.ReferralCode));
        var question = Assert.Single(snapshot.Questions);
        Assert.Equal(("digid", "digital-government", "logius", "0-10"), (question.Topic, question.Domain, question.Organisation, question.DurationBand));
        Assert.DoesNotContain("Samen gedaan", System.Text.Json.JsonSerializer.Serialize(message));
        Assert.Equal(["VisitCorrected", "VisitRegistered", "VisitVoided"], map.MessageTypes.Select(t => t.Name).Order());
    }
}
