using static KalshiArb.Node.Tests.Soak.SoakJournals;

namespace KalshiArb.Node.Tests.Soak;

public sealed class JournaledExecutionSpec
{
    [Fact]
    public void A_filled_order_reads_with_its_signal_horizon_ack_and_fills()
    {
        var j = Filled("a", 7, OutcomeSide.No, signal: "sig-9");

        Assert.Equal("a", j.ExecutionId);
        Assert.Equal("sig-9", j.SignalId);
        Assert.Equal(Ticker, j.Ticker);
        Assert.Equal(OutcomeSide.No, j.Side);
        Assert.Equal(T0 + Horizon, j.SubmitByMs);
        Assert.True(j.RiskApproved);
        Assert.True(j.SubmitRequested);
        Assert.Equal("x-a", j.ExchangeOrderId);
        Assert.Equal(Quantity.FromContracts(7), j.FilledCount);
        Assert.Equal(ExecutionOrderState.Filled, j.FinalState);
        Assert.False(j.AccountsForAbsence);
    }

    [Fact]
    public void A_fill_replayed_with_the_same_trade_id_counts_once()
    {
        var fill = new OrderFillAppliedEvent("t-1", Quantity.FromContracts(3), Price.FromCents(50), Money.FromCents(5), true, T0 + 30);
        var j = Read("a", [Created("a"), Approved(), new OrderSubmitRequestedEvent(T0 + 10), new OrderAcknowledgedEvent("x-a", T0 + 20), fill, fill]);

        Assert.Equal(Quantity.FromContracts(3), j.FilledCount);
    }

    [Fact]
    public void A_denied_order_never_reached_the_venue_by_its_own_account()
    {
        var j = Denied("d");

        Assert.False(j.RiskApproved);
        Assert.False(j.SubmitRequested);
        Assert.True(j.AccountsForAbsence);
    }
}
