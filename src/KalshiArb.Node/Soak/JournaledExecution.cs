using KalshiArb.Domain.Orders;
using KalshiArb.Domain.Primitives;
using KalshiArb.Node.Audit;

namespace KalshiArb.Node.Soak;

/// <summary>
/// What one order's journal says, as far as the venue comparison needs it: the client order id (= execution id), the
/// signal, the horizon (<see cref="SubmitByMs"/>), whether the risk gate approved it and a submit was journaled, the
/// venue's order id once acknowledged, its fills (trade id and count) and where it ended.
/// </summary>
public sealed record JournaledExecution(
    string ExecutionId,
    string? SignalId,
    string? Ticker,
    OutcomeSide? Side,
    long? SubmitByMs,
    bool RiskApproved,
    bool SubmitRequested,
    string? ExchangeOrderId,
    IReadOnlyDictionary<string, Quantity> FillsByTradeId,
    ExecutionOrderState? FinalState)
{
    public Quantity FilledCount => FillsByTradeId.Values.Aggregate(Quantity.Zero, (a, b) => a + b);

    /// <summary>The journal says the venue never took (or no longer holds) this order: rejected, expired or denied before an ack.</summary>
    public bool AccountsForAbsence => ExchangeOrderId is null
        && FinalState is ExecutionOrderState.Rejected or ExecutionOrderState.Expired or ExecutionOrderState.RiskDenied or ExecutionOrderState.Canceled;

    public static JournaledExecution From(OrderAuditResult audited)
    {
        string? signal = null, ticker = null, exchangeId = null;
        OutcomeSide? side = null;
        long? submitBy = null;
        bool approved = false, submitted = false;
        var fills = new Dictionary<string, Quantity>(StringComparer.Ordinal);
        foreach (var e in audited.Journal.Entries.Select(x => x.Event))
        {
            switch (e)
            {
                case OrderCreatedEvent c:
                    signal = c.SignalId.Length > 0 ? c.SignalId : null;
                    ticker = c.Ticker;
                    side = c.Side;
                    submitBy = c.SubmitByMs;
                    break;
                case OrderRiskApprovedEvent:
                    approved = true;
                    break;
                case OrderSubmitRequestedEvent or OrderSubmitRetriedEvent:
                    submitted = true;
                    break;
                case OrderAcknowledgedEvent a:
                    exchangeId = a.ExchangeOrderId;
                    break;
                case OrderFillAppliedEvent f:
                    fills[f.TradeId] = f.Count;
                    break;
            }
        }
        return new JournaledExecution(audited.ExecutionId, signal, ticker, side, submitBy, approved, submitted, exchangeId, fills, audited.FinalState);
    }
}
