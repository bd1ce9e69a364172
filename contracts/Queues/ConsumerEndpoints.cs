using IdoPlatform.Contracts.Offers;
using IdoPlatform.Contracts.Referrals;
using IdoPlatform.Contracts.Registrations;

namespace IdoPlatform.Contracts.Queues;

/// <summary>
/// The catalogue of consumer queues across the platform: who hears what. A service consumes only
/// through an entry here, and a publisher declares every entry that takes a type it publishes, so
/// messages published before the consumer ever started wait in its queue.
/// Add an entry (or a type to one) before the consumer is deployed; removing a type needs the old
/// binding removed by hand (giving an entry a filter removes its unfiltered bindings itself).
/// </summary>
public static class ConsumerEndpoints
{
    static readonly Type[] LocationEvents = [typeof(LocationRegistered), typeof(LocationChanged), typeof(LocationClosed)];
    static readonly Type[] OfferEvents = [typeof(OfferPublished), typeof(OfferChanged), typeof(OfferWithdrawn)];
    static readonly Type[] VisitEvents = [typeof(VisitRegistered), typeof(VisitCorrected), typeof(VisitVoided)];
    static readonly Type[] ReferralEvents =
        [typeof(ReferralIssued), typeof(ReferralArrived), typeof(ReferralArrivalReversed), typeof(ReferralExpired), typeof(ReferralCancelled)];

    /// <summary>Registrations keeps a replica of valid locations.</summary>
    public static readonly ConsumerEndpoint RegistrationsLocations = new("registrations-locations", LocationEvents);

    /// <summary>Referrals keeps locations and published offers for the "nearest IDO" look-up…</summary>
    public static readonly ConsumerEndpoint ReferralsLocations = new("referrals-locations", LocationEvents);
    public static readonly ConsumerEndpoint ReferralsOffers = new("referrals-offers", OfferEvents);
    /// <summary>…and sees a referral arrive in a registered visit, or that arrival reversed: visits that carry a referral
    /// code, and every correction and void (see <see cref="VisitRouting.CarriesReferralCode"/>).</summary>
    public static readonly ConsumerEndpoint ReferralsVisits = new("referrals-visits", VisitEvents)
    {
        OnlyWith = VisitRouting.CarriesReferralCode,
    };

    /// <summary>Monitoring records everything it hears.</summary>
    public static readonly ConsumerEndpoint MonitoringLocations = new("monitoring-locations", LocationEvents);
    public static readonly ConsumerEndpoint MonitoringOffers = new("monitoring-offers", OfferEvents);
    public static readonly ConsumerEndpoint MonitoringVisits = new("monitoring-visits", VisitEvents);
    public static readonly ConsumerEndpoint MonitoringReferrals = new("monitoring-referrals", ReferralEvents);

    public static readonly IReadOnlyList<ConsumerEndpoint> All =
    [
        RegistrationsLocations,
        ReferralsLocations, ReferralsOffers, ReferralsVisits,
        MonitoringLocations, MonitoringOffers, MonitoringVisits, MonitoringReferrals,
    ];
}
