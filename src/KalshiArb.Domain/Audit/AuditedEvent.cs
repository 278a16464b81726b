namespace KalshiArb.Domain.Audit;

/// <summary>An order event as read back from the journal, with where and when it was written.</summary>
public sealed record AuditedEvent(long SequenceNr, long TimestampMs, OrderEvent Event);
