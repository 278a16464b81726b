using KalshiArb.Domain.Orders.Lifecycle;
using KalshiArb.Domain.Risk;

namespace KalshiArb.Actors.Execution;

/// <summary>An ExecutionOrder as stored in a snapshot (its fills as a plain list). v1 snapshots lack the last four fields; snapshots from before strategies lack the strategy (null: consensus).</summary>
public sealed record ExecutionOrderSnapshot(
    string SignalId,
    string ExecutionId,
    string Ticker,
    OutcomeSide Side,
    Price LimitPrice,
    Quantity Count,
    ExecutionOrderState State,
    string? ExchangeOrderId,
    Quantity FilledCount,
    IReadOnlyList<OrderFill> Fills,
    Money Fees,
    long FilledNotionalMicros,
    RiskDenialReason? DenialReason,
    OrderRejectReason? RejectReason,
    string? AttentionReason,
    Quantity? VenueFinalFilledCount,
    OutcomeSide? SettlementWinner,
    Money? Payout,
    Money? RealizedPnl,
    long? SignalAtMs = null,
    long? SubmitByMs = null,
    int SubmitRetries = 0,
    OrderExpiryReason? ExpiryReason = null,
    long? CreatedAtMs = null,
    string? StrategyId = null)
{
    public static ExecutionOrderSnapshot From(OrderProcess p) => From(p.Order!.SignalId ?? "", p.Order) with { CreatedAtMs = p.CreatedAtMs };

    /// <summary>The process as journaled (what this incarnation was doing is not kept: recovery starts afresh).</summary>
    public OrderProcess ToProcess() => OrderProcess.Start(ExecutionId) with { Order = ToOrder(), CreatedAtMs = CreatedAtMs };

    public static ExecutionOrderSnapshot From(string signalId, ExecutionOrder o) => new(
        signalId, o.ExecutionId, o.Ticker, o.Side, o.LimitPrice, o.Count, o.State, o.ExchangeOrderId, o.FilledCount,
        o.Fills.ToArray(), o.Fees, o.FilledNotionalMicros, o.DenialReason, o.RejectReason, o.AttentionReason,
        o.VenueFinalFilledCount, o.SettlementWinner, o.Payout, o.RealizedPnl, o.SignalAtMs, o.SubmitByMs, o.SubmitRetries, o.ExpiryReason, StrategyId: o.StrategyId);

    public ExecutionOrder ToOrder()
    {
        var fills = OrderFills.Empty;
        foreach (var f in Fills) fills = fills.Add(f);
        return new ExecutionOrder
        {
            ExecutionId = ExecutionId,
            Ticker = Ticker,
            Side = Side,
            LimitPrice = LimitPrice,
            Count = Count,
            State = State,
            ExchangeOrderId = ExchangeOrderId,
            FilledCount = FilledCount,
            Fills = fills,
            Fees = Fees,
            FilledNotionalMicros = FilledNotionalMicros,
            DenialReason = DenialReason,
            RejectReason = RejectReason,
            AttentionReason = AttentionReason,
            VenueFinalFilledCount = VenueFinalFilledCount,
            SettlementWinner = SettlementWinner,
            Payout = Payout,
            RealizedPnl = RealizedPnl,
            SignalId = SignalId,
            SignalAtMs = SignalAtMs,
            SubmitByMs = SubmitByMs,
            SubmitRetries = SubmitRetries,
            ExpiryReason = ExpiryReason,
            StrategyId = StrategyId,
        };
    }
}
