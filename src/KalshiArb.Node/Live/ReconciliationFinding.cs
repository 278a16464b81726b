using KalshiArb.Kalshi.Errors;

namespace KalshiArb.Node.Live;

/// <summary>One line of the reconciliation report. <see cref="ErrorKind"/> only for <see cref="ReconciliationFindingKind.VenueError"/>.</summary>
public sealed record ReconciliationFinding(
    ReconciliationSeverity Severity,
    ReconciliationFindingKind Kind,
    string? Ticker,
    string? OrderId,
    string? ClientOrderId,
    string Detail,
    KalshiErrorKind? ErrorKind = null)
{
    public override string ToString()
    {
        var parts = new List<string> { Severity.ToString().ToUpperInvariant(), Kind.ToString() };
        if (Ticker is not null) parts.Add("ticker=" + Ticker);
        if (OrderId is not null) parts.Add("order=" + OrderId);
        if (ClientOrderId is not null) parts.Add("client=" + ClientOrderId);
        if (ErrorKind is not null) parts.Add("error=" + ErrorKind);
        return string.Join(' ', parts) + ": " + Detail;
    }
}
