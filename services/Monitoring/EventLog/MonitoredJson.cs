using System.Text.Json.Serialization;
using IdoPlatform.Contracts.Offers;
using IdoPlatform.Contracts.Referrals;
using IdoPlatform.Contracts.Registrations;

namespace IdoPlatform.Monitoring.EventLog;

/// <summary>
/// Compiled (source-generated) JSON contracts of the recorded messages, in the store's dialect (web
/// defaults), so a rebuild can read a million of them quickly. Only for messages stored at their current
/// version; older versions go through the store's upcasters.
/// </summary>
[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(VisitRegistered))]
[JsonSerializable(typeof(VisitCorrected))]
[JsonSerializable(typeof(VisitVoided))]
[JsonSerializable(typeof(ReferralIssued))]
[JsonSerializable(typeof(ReferralArrived))]
[JsonSerializable(typeof(ReferralArrivalReversed))]
[JsonSerializable(typeof(ReferralExpired))]
[JsonSerializable(typeof(ReferralCancelled))]
[JsonSerializable(typeof(LocationRegistered))]
[JsonSerializable(typeof(LocationChanged))]
[JsonSerializable(typeof(LocationClosed))]
internal sealed partial class MonitoredJson : JsonSerializerContext;
