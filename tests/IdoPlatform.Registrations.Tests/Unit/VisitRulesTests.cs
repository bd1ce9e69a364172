using IdoPlatform.BuildingBlocks.Web;
using IdoPlatform.Registrations.Features.Visits;
using static IdoPlatform.Registrations.Tests.Unit.Samples;

namespace IdoPlatform.Registrations.Tests.Unit;

public class VisitRulesTests
{
    private static (CheckedVisit? Visit, IReadOnlyList<InvalidParam> Errors) Check(VisitInput input, VisitRulesContext? context = null)
    {
        var v = new Validator();
        var visit = VisitRules.Check(v, input, context ?? Context());
        return (visit, v.Errors);
    }

    private static void AssertOnlyError(VisitInput input, string field, string code, VisitRulesContext? context = null)
    {
        var (visit, errors) = Check(input, context);
        Assert.Null(visit);
        var error = Assert.Single(errors);
        Assert.Equal(field, error.Name);
        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void A_valid_visit_passes_with_the_place_taken_from_the_location()
    {
        var (visit, errors) = Check(Input(questions: [Question(), Referred()], referralCode: "k7qf 2m9d", note: "  Samen aangevraagd.  "));
        Assert.Empty(errors);
        Assert.NotNull(visit);
        Assert.Equal(new VisitPlace("loc-utrecht-centrum", OrganisationId, "GM0344", "Utrecht", "Utrecht"), visit.Place);
        Assert.Equal(Now, visit.Details.OccurredAt); // default: now
        Assert.Equal("K7QF-2M9D", visit.Details.ReferralCode);
        Assert.Equal("Samen aangevraagd.", visit.Details.Note);
        Assert.Equal(2, visit.Details.Questions.Count);
    }

    [Fact]
    public void Unknown_codes_are_refused_per_field() =>
        AssertOnlyError(Input(questions: [Question(topic: "horoscoop")]), "questions[0].topic", InvalidParamCodes.NotAllowed);

    [Fact]
    public void An_unknown_code_is_not_echoed_back()
    {
        var (_, errors) = Check(Input(channel: "123456782"));
        Assert.DoesNotContain("123456782", Assert.Single(errors).Reason);
    }

    [Fact]
    public void A_retired_code_is_refused_for_a_new_visit() =>
        AssertOnlyError(Input(questions: [Referred(to: "formulierenbrigade")]), "questions[0].referredTo", "retired");

    [Fact]
    public void Codes_are_checked_as_they_were_on_the_visits_day()
    {
        // 'formulierenbrigade' is valid through 31 December 2025: a visit of 30 December registered on 2 January may use it.
        var january = new DateTimeOffset(2026, 1, 2, 9, 0, 0, TimeSpan.Zero);
        var backdated = Check(Input(occurredAt: new DateTimeOffset(2025, 12, 30, 14, 0, 0, TimeSpan.Zero),
            questions: [Referred(to: "formulierenbrigade")]), Context(now: january));
        Assert.Empty(backdated.Errors);
        // 23:30 UTC on 31 December is already 1 January in Amsterdam: retired.
        AssertOnlyError(Input(occurredAt: new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.Zero),
            questions: [Referred(to: "formulierenbrigade")]), "questions[0].referredTo", "retired", Context(now: january));
    }

    [Fact]
    public void A_retired_code_may_stay_on_a_visit_that_already_holds_it()
    {
        var registeredBefore = new DateTimeOffset(2025, 12, 20, 10, 0, 0, TimeSpan.Zero);
        var old = Check(Input(questions: [Referred(to: "formulierenbrigade")]), Context(now: registeredBefore)).Visit!;
        var visit = Visit.Evolve(null, new VisitRegistered(Guid.NewGuid(), old.Place, old.Details, registeredBefore))!;

        // A month later the code is retired; correcting the channel keeps it, adding it anew is refused.
        var later = registeredBefore.AddDays(20);
        var kept = Check(Input(channel: "phone", occurredAt: old.Details.OccurredAt,
            questions: [Referred(to: "formulierenbrigade")]), Context(previous: visit, now: later));
        Assert.Empty(kept.Errors);

        var added = Check(Input(occurredAt: old.Details.OccurredAt,
            questions: [Referred(to: "formulierenbrigade"), Referred(to: "formulierenbrigade") with { Topic = "huur" }]),
            Context(previous: visit, now: later));
        Assert.Empty(added.Errors); // same code, already held

        var other = Check(Input(questions: [Question()]), Context(now: later));
        Assert.Empty(other.Errors);
    }

    [Fact]
    public void A_future_moment_is_refused() =>
        AssertOnlyError(Input(occurredAt: Now.AddHours(1)), "occurredAt", InvalidParamCodes.OutOfRange);

    [Fact]
    public void A_little_clock_skew_is_not_the_future() => Assert.Empty(Check(Input(occurredAt: Now.AddSeconds(30))).Errors);

    [Fact]
    public void At_most_31_days_back()
    {
        Assert.Empty(Check(Input(occurredAt: Now.AddDays(-31))).Errors);
        AssertOnlyError(Input(occurredAt: Now.AddDays(-31).AddMinutes(-1)), "occurredAt", InvalidParamCodes.OutOfRange);
    }

    [Fact]
    public void A_closed_location_is_refused() =>
        AssertOnlyError(Input(), "locationId", "locationNotOpen", Context(Location(closedOn: DutchDay(Now))));

    [Fact]
    public void Reasons_name_their_dates_as_a_dutch_reader_writes_them()
    {
        // Now is 23 November 2026; the desk page shows these reasons as they come.
        var (_, closed) = Check(Input(), Context(Location(closedOn: new DateOnly(2026, 11, 3))));
        Assert.Equal("Deze locatie is gesloten sinds 3 november 2026.", Assert.Single(closed).Reason);
        var (_, retired) = Check(Input(questions: [Referred(to: "formulierenbrigade")]));
        Assert.StartsWith("Code 'formulierenbrigade' is ingetrokken (geldig tot en met 31 december 2025);", Assert.Single(retired).Reason);
    }

    [Fact]
    public void A_location_closed_after_the_visit_day_is_fine() =>
        Assert.Empty(Check(Input(occurredAt: Now.AddDays(-3)), Context(Location(closedOn: DutchDay(Now).AddDays(-1)))).Errors);

    [Fact]
    public void A_location_without_IDO_is_refused() =>
        AssertOnlyError(Input(), "locationId", "locationNotOpen", Context(Location(hasIdo: false)));

    [Fact]
    public void An_unknown_location_is_refused()
    {
        var v = new Validator();
        Assert.Null(VisitRules.Check(v, Input(locationId: "loc-nergens"), Context() with { Location = null }));
        Assert.Equal("unknownLocation", Assert.Single(v.Errors).Code);
    }

    [Fact]
    public void Between_one_and_ten_questions()
    {
        AssertOnlyError(Input(questions: []), "questions", InvalidParamCodes.Required);
        Assert.Empty(Check(Input(questions: Enumerable.Range(0, 10).Select(_ => Question()).ToList())).Errors);
        AssertOnlyError(Input(questions: Enumerable.Range(0, 11).Select(_ => Question()).ToList()), "questions", InvalidParamCodes.TooLong);
    }

    [Fact]
    public void A_referral_needs_whom_and_how_and_only_then()
    {
        var (_, missing) = Check(Input(questions: [Referred() with { ReferredTo = null, ReferralMethod = null }]));
        Assert.Equal(["questions[0].referredTo", "questions[0].referralMethod"], missing.Select(e => e.Name));

        var (_, notReferred) = Check(Input(questions: [Question() with { ReferredTo = "uwv", ReferralMethod = "named-place" }]));
        Assert.Equal([("questions[0].referredTo", InvalidParamCodes.NotApplicable), ("questions[0].referralMethod", InvalidParamCodes.NotApplicable)],
            notReferred.Select(e => (e.Name, e.Code)));
    }

    [Fact]
    public void A_referral_goes_to_an_agency_or_a_local_partner_kind_not_just_any_organisation_code()
    {
        Assert.Empty(Check(Input(questions: [Referred(to: "uwv")])).Errors);
        Assert.Empty(Check(Input(questions: [Referred(to: "gemeente")])).Errors);
        AssertOnlyError(Input(questions: [Referred(to: "nergens")]), "questions[0].referredTo", InvalidParamCodes.NotAllowed);
    }

    [Fact]
    public void Help_given_is_required_known_and_without_repeats()
    {
        var (_, errors) = Check(Input(questions: [Question("digid", "explained", "explained", "toverij"), Question() with { HelpGiven = [] }]));
        Assert.Equal(["questions[0].helpGiven[2]", "questions[0].helpGiven", "questions[1].helpGiven"], errors.Select(e => e.Name));
    }

    [Fact]
    public void A_note_of_at_most_280_characters()
    {
        Assert.Empty(Check(Input(note: new string('a', 280))).Errors);
        AssertOnlyError(Input(note: new string('a', 281)), "note", InvalidParamCodes.TooLong);
    }

    [Fact]
    public void A_note_with_personal_data_is_refused_saying_why()
    {
        var (visit, errors) = Check(Input(note: "bsn 123456782, bel 06-12345678"));
        Assert.Null(visit);
        Assert.All(errors, e => Assert.Equal(("note", InvalidParamCodes.PersonalData), (e.Name, e.Code)));
        Assert.Contains(errors, e => e.Reason.Contains("BSN"));
        Assert.Contains(errors, e => e.Reason.Contains("telefoonnummer"));
    }

    [Fact]
    public void A_malformed_referral_code_is_refused() =>
        AssertOnlyError(Input(referralCode: "jan.jansen"), "referralCode", InvalidParamCodes.Invalid);

    [Fact]
    public void Every_bad_field_is_named_at_once()
    {
        var input = Input(
            locationId: "loc-utrecht-centrum",
            occurredAt: Now.AddDays(1),
            channel: "postduif",
            questions: [Question(topic: "horoscoop"), null, Referred(to: "formulierenbrigade") with { DurationBand = "" }],
            referralCode: "??",
            note: new string('x', 281) + " jan@example.nl");
        var (visit, errors) = Check(input, Context(Location(closedOn: DutchDay(Now).AddDays(-10))));
        Assert.Null(visit);
        Assert.Equal(
        [
            "occurredAt", "locationId", "channel", "questions[0].topic", "questions[1]", "questions[2].durationBand",
            "questions[2].referredTo", "referralCode", "note", "note",
        ], errors.Select(e => e.Name));
    }

    [Fact]
    public void A_correction_keeps_its_location_even_when_it_closed_since()
    {
        var registered = Check(Input(), Context()).Visit!;
        var visit = Visit.Evolve(null, new VisitRegistered(Guid.NewGuid(), registered.Place, registered.Details, Now))!;
        var later = Now.AddDays(40);
        var (corrected, errors) = Check(Input(channel: "phone"), Context(Location(closedOn: DutchDay(later).AddDays(-1)), visit, later));
        Assert.Empty(errors);
        Assert.Equal(registered.Place, corrected!.Place);
        Assert.Equal(registered.Details.OccurredAt, corrected.Details.OccurredAt); // omitted: kept
    }

    private static DateOnly DutchDay(DateTimeOffset instant) => IdoPlatform.BuildingBlocks.Domain.DutchCalendar.DayOf(instant);
}
