using System.Globalization;
using KalshiArb.Actors.Metrics;
using KalshiArb.Node.Admin;

namespace KalshiArb.Node.Metrics;

/// <summary>The status document's P&amp;L total (money as wire text in dollars) as the gauges' reading.</summary>
public static class PnlReadings
{
    /// <summary>Null without P&amp;L, or when a required figure is not a number (then no gauge reports a wrong value).</summary>
    public static PnlReading? From(AdminPnlStatus? pnl)
    {
        if (pnl is null) return null;
        var total = pnl.Total;
        if (Dollars(total.Realized) is not { } realized || Dollars(total.Fees) is not { } fees) return null;
        return new PnlReading(realized, fees, Dollars(total.UnrealizedAtMid), Dollars(total.UnrealizedAtFair));
    }

    private static double? Dollars(string? text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d)
            ? (double)d
            : null;
}
