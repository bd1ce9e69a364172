using IdoPlatform.Offers.Features.Locations;
using IdoPlatform.Offers.Features.Offers;
using IdoPlatform.Offers.Features.OfferTypes;

namespace IdoPlatform.Offers.Tests.Domain;

public class DecisionTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void An_offer_goes_from_draft_to_published_to_withdrawn()
    {
        var draft = Samples.Draft();
        var published = Fold(draft, OfferDecisions.Publish(draft, Today, []).Events);
        Assert.Equal(OfferStatus.Published, published.Status);
        var withdrawn = Fold(published, OfferDecisions.Withdraw(published, "Gestopt").Events);
        Assert.Equal(OfferStatus.Withdrawn, withdrawn.Status);

        Assert.True(OfferDecisions.Publish(withdrawn, Today, []).IsRejected);
        Assert.True(OfferDecisions.Change(withdrawn, Samples.Content() with { Title = "Nieuw" }).IsRejected);
        Assert.Empty(OfferDecisions.Withdraw(withdrawn, null).Events);
    }

    [Fact]
    public void Publishing_carries_the_content_and_publishing_twice_adds_nothing()
    {
        var draft = Samples.Draft();
        var published = Assert.IsType<OfferPublished>(Assert.Single(OfferDecisions.Publish(draft, Today, []).Events));
        Assert.Equal(draft.Content, published.Content);
        Assert.Empty(OfferDecisions.Publish(draft with { Status = OfferStatus.Published }, Today, []).Events);
    }

    [Fact]
    public void An_offer_at_a_closed_location_or_past_its_validity_is_not_published()
    {
        var draft = Samples.Draft();
        Assert.Contains("NL-100001-0001", OfferDecisions.Publish(draft, Today, ["NL-100001-0001"]).Rejection);
        var expired = draft with { Content = draft.Content with { ValidTo = Today.AddDays(-1) } };
        Assert.True(OfferDecisions.Publish(expired, Today, []).IsRejected);
        Assert.Equal("Het aanbod gold tot en met 22 november 2026 en is verlopen.", OfferDecisions.Publish(expired, Today, []).Rejection);
    }

    [Fact]
    public void A_change_says_whether_referrers_must_hear_of_it()
    {
        var draft = Samples.Draft();
        var changed = draft.Content with { Title = "Anders" };
        Assert.False(Assert.IsType<OfferChanged>(Assert.Single(OfferDecisions.Change(draft, changed).Events)).WhilePublished);
        var published = draft with { Status = OfferStatus.Published };
        Assert.True(Assert.IsType<OfferChanged>(Assert.Single(OfferDecisions.Change(published, changed).Events)).WhilePublished);
        Assert.Empty(OfferDecisions.Change(draft, Samples.Content()).Events);
    }

    [Fact]
    public void A_closed_location_stays_closed_and_unchangeable()
    {
        var location = Samples.OpenLocation();
        var closed = Location.Evolve(location, Assert.Single(LocationDecisions.Close(location, Today, "Verbouwing").Events))!;
        Assert.True(closed.IsClosed);
        Assert.False(closed.IsPubliclyVisible);
        Assert.Equal(location.Facts.Name, closed.Facts.Name);
        Assert.True(LocationDecisions.Close(closed, Today, null).IsRejected);
        Assert.True(LocationDecisions.Change(closed, closed.OrganisationName, closed.Facts).IsRejected);
    }

    [Fact]
    public void A_location_id_once_used_is_never_registered_again()
    {
        var existing = Samples.OpenLocation() with { ClosedOn = Today };
        Assert.True(LocationDecisions.Register(existing, existing.LocationId, Samples.Library, "Bieb", existing.Facts).IsRejected);
    }

    [Fact]
    public void Unchanged_location_facts_append_nothing()
    {
        var location = Samples.OpenLocation();
        Assert.Empty(LocationDecisions.Change(location, location.OrganisationName, location.Facts with { OpeningHours = [.. location.Facts.OpeningHours] }).Events);
        Assert.Single(LocationDecisions.Change(location, location.OrganisationName, location.Facts with { Name = "Nieuw" }).Events);
    }

    [Fact]
    public void Revising_an_offer_type_makes_the_next_version_unless_nothing_changed()
    {
        var type = Samples.InloopType();
        var same = type.Current;
        Assert.Empty(OfferTypeDecisions.Revise(type, same.Name, same.Description, same.Defaults with { Themes = [.. same.Defaults.Themes] }).Events);
        var revised = Assert.IsType<OfferTypeRevised>(Assert.Single(
            OfferTypeDecisions.Revise(type, same.Name, same.Description, same.Defaults with { WalkIn = false }).Events));
        Assert.Equal(2, revised.Definition.Version);
        var folded = OfferType.Evolve(type, revised)!;
        Assert.Equal(2, folded.Current.Version);
        Assert.NotNull(folded.Version(1));
    }

    [Theory]
    [InlineData("NL-123456-0001", true)]
    [InlineData("NL-12345-0001", false)]
    [InlineData("NL-123456-001", false)]
    [InlineData("nl-123456-0001", false)]
    [InlineData("BE-123456-0001", false)]
    public void Location_ids_look_like_isil_codes(string id, bool valid) => Assert.Equal(valid, LocationId.IsValid(id));

    [Fact]
    public void A_location_id_always_gives_the_same_stream()
    {
        Assert.Equal(LocationId.StreamId("NL-100001-0001"), LocationId.StreamId("NL-100001-0001"));
        Assert.NotEqual(LocationId.StreamId("NL-100001-0001"), LocationId.StreamId("NL-100001-0002"));
    }

    private static Offer Fold(Offer state, IEnumerable<object> events) => events.Aggregate(state, (s, e) => Offer.Evolve(s, e)!);
}
