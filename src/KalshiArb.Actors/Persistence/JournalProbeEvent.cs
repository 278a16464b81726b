namespace KalshiArb.Actors.Persistence;

/// <summary>
/// A tiny event written by the start-up self check: proves the journal, our serializer and the read
/// journal work before any order is accepted.
/// </summary>
public sealed record JournalProbeEvent(string ProbeId, long WrittenAtMs, Money Sample)
{
    public const string Manifest = "journal-probe.v1";
}
