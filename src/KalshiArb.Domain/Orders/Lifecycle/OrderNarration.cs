namespace KalshiArb.Domain.Orders.Lifecycle;

/// <summary>
/// The lines an operator reads as money moves: one per fill, one when an order ends (with what happened and why) and
/// one when it settles. Built from a freshly applied event and the order before and after it.
/// </summary>
public static class OrderNarration
{
    /// <summary>Whether <see cref="Describe"/> has anything to say: a fill, a settlement, or the event that ended the order.</summary>
    public static bool IsWorthALine(OrderEvent applied, ExecutionOrder? before, ExecutionOrder after) =>
        applied is FillApplied or Settled || (after.IsTerminal && before?.IsTerminal != true);

    public static IEnumerable<string> Describe(OrderEvent applied, ExecutionOrder? before, ExecutionOrder after)
    {
        if (applied is FillApplied f)
        {
            yield return $"fill {after.Ticker} {after.Side} {f.Count} @ {f.Price}, fee {f.Fee}, {(f.IsTaker ? "taker" : "maker")}, " +
                         $"trade {f.TradeId}; filled {after.FilledCount} of {after.Count}";
        }
        if (applied is Settled settled)
        {
            yield return $"settled {after.Ticker} {after.Side}: winner {settled.Winner?.ToString() ?? "none"}, payout {settled.Payout} " +
                         $"for {after.FilledCount}";
            yield break;
        }
        // The one event that makes it terminal (a completing fill included); later events on a terminal order say nothing.
        if (!after.IsTerminal || before?.IsTerminal == true) yield break;
        var filled = $"filled {after.FilledCount} of {after.Count}" +
                     (after.AverageFillPrice is { } avg ? $" at {avg} avg, fees {after.ChargedFees}" : "");
        var why = applied switch
        {
            RiskDenied d => $"denied by risk ({d.Reason})",
            Rejected r => $"rejected by the venue ({r.Reason}{(r.Message is { Length: > 0 } m ? ": " + m : "")})",
            Expired x => $"expired ({x.Reason})",
            _ => after.State.ToString(),
        };
        yield return $"ended {after.State} on {after.Ticker} {after.Side} @ {after.LimitPrice}: {why}; {filled}";
    }
}
