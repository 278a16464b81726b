using KalshiArb.Domain.Orders.Lifecycle;
using KalshiArb.Domain.Venues;
using static KalshiArb.Domain.Tests.Orders.Lifecycle.LifecycleFixtures;

namespace KalshiArb.Domain.Tests.Orders.Lifecycle;

/// <summary>One operator line per fill and one per order end, emitted by the decisions that journal them.</summary>
public sealed class OrderNarrationTests
{
    /// <summary>What the order actor logs for a decision's narrations, worded as it does.</summary>
    private static string[] Lines(OrderDecision d) =>
        d.Effects.OfType<Narrate>().SelectMany(n => OrderNarration.Describe(n.Applied, n.Before, n.After)).Select(l => $"order {Id}: {l}").ToArray();

    [Fact]
    public void A_fill_is_one_line_with_market_side_count_price_fee_liquidity_and_trade()
    {
        var d = OrderLifecycle.Decide(Journaled(Resting), new FillReported(Fill("t-1", 4)), T0 + 50, Policy);
        Assert.Equal([$"order {Id}: fill {Ticker} Yes 4.00 @ 0.5000, fee 0.0100, taker, trade t-1; filled 4.00 of 10.00"], Lines(d));
    }

    [Fact]
    public void The_fill_that_completes_an_order_also_ends_it_in_one_more_line()
    {
        var d = OrderLifecycle.Decide(Journaled([.. Resting, new FillApplied("t-1", Quantity.FromContracts(4), Price.FromCents(50), Money.FromCents(1), true)]),
            new FillReported(Fill("t-2", 6)), T0 + 50, Policy);
        var lines = Lines(d);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"order {Id}: fill {Ticker} Yes 6.00 @ 0.5000", lines[0]);
        Assert.StartsWith($"order {Id}: ended Filled on {Ticker} Yes @ 0.5000: Filled; filled 10.00 of 10.00 at 0.5000 avg", lines[1]);
    }

    [Fact]
    public void A_denial_names_the_risk_reason()
    {
        var asked = OrderLifecycle.Decide(OrderProcess.Start(Id), Place(), T0 + 5, Policy).State;
        var d = OrderLifecycle.Decide(asked, new RiskDeniedInput(Id, RiskDenialReason.MaxOpenMarkets), T0 + 20, Policy);
        Assert.Equal([$"order {Id}: ended RiskDenied on {Ticker} Yes @ 0.5000: denied by risk (MaxOpenMarkets); filled 0.00 of 10.00"], Lines(d));
    }

    [Theory]
    [MemberData(nameof(Endings))]
    public void Each_way_an_order_ends_says_why(OrderEvent ending, string why)
    {
        var order = Journaled(ending is Rejected ? Submitted : Resting).Order!;
        var after = ExecutionOrderMachine.Apply(order, ending).Order!;
        Assert.Contains(why, string.Join("\n", OrderNarration.Describe(ending, order, after)));
    }

    [Fact]
    public void A_settlement_says_who_won_and_the_payout()
    {
        var filled = Journaled([.. Resting, new FillApplied("t-1", Quantity.FromContracts(10), Price.FromCents(50), Money.FromCents(1), true)]).Order!;
        var settled = new Settled(OutcomeSide.Yes, Money.FromDollars(10));
        var after = ExecutionOrderMachine.Apply(filled, settled).Order!;
        Assert.Equal([$"settled {Ticker} Yes: winner Yes, payout 10.0000 for 10.00"], OrderNarration.Describe(settled, filled, after));
    }

    public static TheoryData<OrderEvent, string> Endings => new()
    {
        { new Canceled(), "ended Canceled on" },
        { new Expired(null, OrderExpiryReason.HorizonPassedBeforeSubmit), "expired (HorizonPassedBeforeSubmit)" },
        { new Rejected(OrderRejectReason.InsufficientBalance, "balance 3.00"), "rejected by the venue (InsufficientBalance: balance 3.00)" },
    };

    [Fact]
    public void Steps_that_neither_fill_nor_end_say_nothing_at_info()
    {
        var d = OrderLifecycle.Decide(Journaled(Resting), new CancelCommanded("operator"), T0 + 40, Policy);
        Assert.DoesNotContain(Lines(d), l => l.Contains(": fill ") || l.Contains(": ended "));
        Assert.Empty(OrderNarration.Describe(new Acknowledged("x-1"), Journaled(Submitted).Order, Journaled(Resting).Order!));
    }
}
