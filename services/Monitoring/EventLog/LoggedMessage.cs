namespace IdoPlatform.Monitoring.EventLog;

/// <summary>A stream of the log: one message, recorded once.</summary>
public sealed record LoggedMessage(Guid MessageId, object Message);
