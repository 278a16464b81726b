namespace KalshiArb.Odds.Api;

/// <summary>Running totals for metrics: calls, errors per kind, malformed data per reason. Thread-safe.</summary>
public sealed class OddsApiCounters
{
    private readonly long[] _errors = new long[Enum.GetValues<OddsApiErrorKind>().Length];
    private readonly long[] _malformed = new long[Enum.GetValues<MalformedReason>().Length];
    private long _calls;
    private long _succeeded;

    public long Calls => Interlocked.Read(ref _calls);
    public long Succeeded => Interlocked.Read(ref _succeeded);

    public long Errors(OddsApiErrorKind kind) => Interlocked.Read(ref _errors[(int)kind]);
    public long Malformed(MalformedReason reason) => Interlocked.Read(ref _malformed[(int)reason]);

    public IReadOnlyDictionary<OddsApiErrorKind, long> ErrorsSnapshot() =>
        Enum.GetValues<OddsApiErrorKind>().Where(k => Errors(k) > 0).ToDictionary(k => k, Errors);

    public IReadOnlyDictionary<MalformedReason, long> MalformedSnapshot() =>
        Enum.GetValues<MalformedReason>().Where(r => Malformed(r) > 0).ToDictionary(r => r, Malformed);

    internal void Call() => Interlocked.Increment(ref _calls);
    internal void Success() => Interlocked.Increment(ref _succeeded);
    internal void Error(OddsApiErrorKind kind) => Interlocked.Increment(ref _errors[(int)kind]);
    internal void AddMalformed(MalformedReason reason, int count) => Interlocked.Add(ref _malformed[(int)reason], count);
}
