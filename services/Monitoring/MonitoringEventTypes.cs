using IdoPlatform.BuildingBlocks.EventStore;
using IdoPlatform.Contracts.Offers;
using IdoPlatform.Contracts.Referrals;
using IdoPlatform.Contracts.Registrations;
using IdoPlatform.Monitoring.EventLog;

namespace IdoPlatform.Monitoring;

/// <summary>
/// The integration messages monitoring records in its own log, under stable names (never CLR names), so
/// the log outlives renames; a contract that changes shape gets a new version and an upcaster here.
/// </summary>
public static class MonitoringEventTypes
{
    /// <summary>The stream type of a recorded message: one stream per message id.</summary>
    public const string StreamType = "integration-message";

    /// <summary>The log's stream type (one stream per message, started with it) and the messages' stable names.</summary>
    public static void Register(EventStoreOptions store)
    {
        store.Aggregate<LoggedMessage>(StreamType, m => m.MessageId, (logged, message) => new LoggedMessage(logged?.MessageId ?? Guid.Empty, message));
        Register(store.Events);
    }

    public static void Register(EventTypeRegistry events)
    {
        events.Register<VisitRegistered>("registrations.visit-registered", 1);
        events.Register<VisitCorrected>("registrations.visit-corrected", 1);
        events.Register<VisitVoided>("registrations.visit-voided", 1);
        events.Register<ReferralIssued>("referrals.referral-issued", 1);
        events.Register<ReferralArrived>("referrals.referral-arrived", 1);
        events.Register<ReferralArrivalReversed>("referrals.referral-arrival-reversed", 1);
        events.Register<ReferralExpired>("referrals.referral-expired", 1);
        events.Register<ReferralCancelled>("referrals.referral-cancelled", 1);
        events.Register<LocationRegistered>("offers.location-registered", 1);
        events.Register<LocationChanged>("offers.location-changed", 1);
        events.Register<LocationClosed>("offers.location-closed", 1);
        events.Register<OfferPublished>("offers.offer-published", 1);
        events.Register<OfferChanged>("offers.offer-changed", 1);
        events.Register<OfferWithdrawn>("offers.offer-withdrawn", 1);
    }
}
