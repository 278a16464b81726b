namespace KalshiArb.Node.Replay;

/// <summary>One <c>--sweep KEY=V1,V2,…</c>: a kalshiarb setting and the values a sweep gives it, in the order written.</summary>
public sealed record SweepAxis(string Key, IReadOnlyList<string> Values);
