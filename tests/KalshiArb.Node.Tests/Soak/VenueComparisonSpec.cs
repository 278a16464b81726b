using KalshiArb.Node.Soak;
using static KalshiArb.Node.Tests.Soak.SoakJournals;

namespace KalshiArb.Node.Tests.Soak;

public sealed class VenueComparisonSpec
{
    [Fact]
    public void A_journal_that_matches_the_venue_holds()
    {
        var journal = new[] { Filled("a"), Filled("b", 4, OutcomeSide.No), Denied("c") };
        var venue = Venue([VenueOrderOf("a"), VenueOrderOf("b")], [VenueBookFillOf("a"), VenueBookFillOf("b", 4)], (Ticker, 6));

        var result = VenueComparison.Compare(journal, venue);

        Assert.True(result.Holds, string.Join("; ", result.Lost.Concat(result.Doubled)));
        Assert.True(result.PositionsEqual);
    }

    [Fact]
    public void A_venue_order_the_journal_lacks_is_lost()
    {
        var result = VenueComparison.Compare([Filled("a")], Venue([VenueOrderOf("a"), VenueOrderOf("ghost")], [VenueBookFillOf("a")], (Ticker, 10)));

        Assert.Equal("ghost", Assert.Single(result.Lost).ClientOrderId);
        Assert.False(result.Holds);
    }

    [Fact]
    public void An_acknowledged_order_the_venue_does_not_hold_is_lost()
    {
        var result = VenueComparison.Compare([Filled("a", 0)], Venue([], []));

        Assert.Equal("a", Assert.Single(result.Lost).ClientOrderId);
    }

    [Fact]
    public void A_journaled_submit_that_never_reached_the_venue_is_lost_unless_the_journal_accounts_for_it()
    {
        OrderJournalEvent[] submitted = [Created("open"), Approved(), new OrderSubmitRequestedEvent(T0 + 10)];
        var open = Read("open", submitted);
        var expired = Read("expired", [Created("expired"), Approved(), new OrderSubmitRequestedEvent(T0 + 10),
            new OrderExpiredEvent(null, T0 + Horizon + 100, OrderExpiryReason.HorizonPassedBeforeSubmit)]);

        var result = VenueComparison.Compare([open, expired], Venue([], []));

        var lost = Assert.Single(result.Lost);
        Assert.Equal("open", lost.ClientOrderId);
        Assert.Contains("Submitting", lost.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_venue_order_the_journal_ended_as_never_sent_is_lost()
    {
        var expired = Read("gave-up", [Created("gave-up"), Approved(), new OrderSubmitRequestedEvent(T0 + 10),
            new OrderExpiredEvent(null, T0 + Horizon + 100, OrderExpiryReason.HorizonPassedBeforeSubmit)]);

        var result = VenueComparison.Compare([expired], Venue([VenueOrderOf("gave-up")], []));

        var lost = Assert.Single(result.Lost);
        Assert.Equal("gave-up", lost.ClientOrderId);
        Assert.Contains("never got it", lost.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_venue_orders_for_one_client_order_id_are_doubled()
    {
        var venue = Venue([VenueOrderOf("a"), new VenueOrder("x-a2", "a", Ticker, T0 + 16)], [VenueBookFillOf("a")], (Ticker, 10));

        var result = VenueComparison.Compare([Filled("a")], venue);

        Assert.Equal("a", Assert.Single(result.Doubled).ClientOrderId);
    }

    [Fact]
    public void Two_executions_of_one_signal_at_the_venue_are_doubled()
    {
        var journal = new[] { Filled("a", 5, signal: "sig-1"), Filled("b", 5, signal: "sig-1") };
        var venue = Venue([VenueOrderOf("a"), VenueOrderOf("b")], [VenueBookFillOf("a", 5), VenueBookFillOf("b", 5)], (Ticker, 10));

        var result = VenueComparison.Compare(journal, venue);

        Assert.Equal("b", Assert.Single(result.Doubled).ClientOrderId);
    }

    [Fact]
    public void A_venue_order_without_a_risk_approval_in_the_journal_is_unapproved()
    {
        var unapproved = Read("u", [Created("u"), new OrderSubmitRequestedEvent(T0 + 10), new OrderAcknowledgedEvent("x-u", T0 + 20)]);

        var result = VenueComparison.Compare([unapproved], Venue([VenueOrderOf("u")], []));

        Assert.Equal("u", Assert.Single(result.Unapproved).ClientOrderId);
    }

    [Fact]
    public void An_order_that_reached_the_venue_after_its_horizon_is_late()
    {
        var result = VenueComparison.Compare([Filled("a"), Filled("b")],
            Venue([VenueOrderOf("a", T0 + Horizon), VenueOrderOf("b", T0 + Horizon + 1)], [VenueBookFillOf("a"), VenueBookFillOf("b")], (Ticker, 20)));

        var late = Assert.Single(result.Late);
        Assert.Equal("b", late.ClientOrderId);
        Assert.Contains("1 ms after", late.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fill_the_journal_missed_shows_as_a_position_and_a_fill_difference()
    {
        var result = VenueComparison.Compare([Filled("a", 10)], Venue([VenueOrderOf("a")], [VenueBookFillOf("a", 10), new VenueBookFill("t-2", "x-a", "a", Ticker, Domain.Primitives.Quantity.FromContracts(2))], (Ticker, 12)));

        var position = Assert.Single(result.Positions);
        Assert.Equal(Ticker, position.Ticker);
        Assert.Equal("a", Assert.Single(result.FillDifferences).ClientOrderId);
        Assert.False(result.PositionsEqual);
        Assert.False(result.Holds);
    }

    [Fact]
    public void A_venue_position_in_a_market_the_journal_never_traded_differs()
    {
        var result = VenueComparison.Compare([], Venue([], [], ("KXOTHER-1", -3)));

        Assert.Equal("KXOTHER-1", Assert.Single(result.Positions).Ticker);
    }
}
