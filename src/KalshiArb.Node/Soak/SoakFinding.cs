namespace KalshiArb.Node.Soak;

/// <summary>One offending order: its client order id (= execution id; the venue order id when it has none) and why.</summary>
public sealed record SoakFinding(string ClientOrderId, string Reason)
{
    public override string ToString() => $"{ClientOrderId} ({Reason})";
}
