using System.Text.Json;
using KalshiArb.Domain.Fees;
using KalshiArb.Node.Audit;

namespace KalshiArb.Node.Tests.Audit;

/// <summary>The audit's P&amp;L: journaled fills and per-order settlements replayed into realized P&amp;L and fees.</summary>
public sealed class AuditPnlTests
{
    private const string Ticker = "KXNBAGAME-26NOV24LALBOS-LAL";
    private const long T0 = 1_790_000_000_000;

    private static JournaledOrder Order(string id, OutcomeSide side, int cents, int contracts, string fee, Settled? settled, long at)
    {
        var count = Quantity.FromContracts(contracts);
        var price = Price.FromCents(cents);
        List<OrderJournalEvent> events =
        [
            new OrderCreatedEvent(id, "sig-" + id, Ticker, side, price, count, at),
            new OrderRiskApprovedEvent(Money.Notional(price, count), at + 1),
            new OrderSubmitRequestedEvent(at + 2),
            new OrderAcknowledgedEvent("x-" + id, at + 3),
            new OrderFillAppliedEvent("t-" + id, count, price, Money.Parse(fee), true, at + 4),
        ];
        if (settled is not null) events.Add(new OrderSettledEvent(settled.Winner, settled.Payout, T0 + 3_600_000));
        return new JournaledOrder("order-" + id, id, events.Select((e, i) => new JournalEntry(i + 1, e.AtMs, e, null)).ToArray());
    }

    /// <summary>10 YES at 0.40, then 4 NO at 0.55 close 4 pairs; YES wins: +0.20 on the pairs, 6 × $1 − $2.40, less $0.24 fees.</summary>
    private static JournaledOrder[] SettledGame() =>
    [
        Order("yes", OutcomeSide.Yes, 40, 10, "0.17", new Settled(OutcomeSide.Yes, Money.FromDollars(10)), T0),
        Order("no", OutcomeSide.No, 55, 4, "0.07", new Settled(OutcomeSide.Yes, Money.Zero), T0 + 1000),
    ];

    [Fact]
    public void Fills_and_settlements_of_every_order_in_a_market_book_once()
    {
        var pnl = AuditPnl.Of(SettledGame());
        Assert.Equal(0, pnl.Refused);
        Assert.Equal(Money.Parse("3.56"), pnl.Total.Realized);
        Assert.Equal(Money.Parse("0.24"), pnl.Total.Fees);
        var market = Assert.Single(pnl.Markets);
        Assert.Equal(Quantity.Zero, market.Contracts);
        Assert.Equal("KXNBAGAME-26NOV24LALBOS", Assert.Single(pnl.Games).Key);
        Assert.Equal([Money.Parse("-0.17"), Money.Parse("-0.04"), Money.Parse("3.56")], pnl.History.Select(p => p.Realized));
    }

    [Fact]
    public void An_unsettled_position_counts_only_its_fees_and_stays_open()
    {
        var pnl = AuditPnl.Of([Order("yes", OutcomeSide.Yes, 40, 10, "0.17", null, T0)]);
        Assert.Equal(Money.Parse("-0.17"), pnl.Total.Realized);
        Assert.Equal(Quantity.FromContracts(10), pnl.Markets.Single().Contracts);
        Assert.Null(pnl.Total.UnrealizedAtMid);
    }

    [Fact]
    public void The_text_and_json_reports_carry_the_pnl()
    {
        var run = JournalAuditor.AuditAll(SettledGame(), requireTerminal: false);
        var text = new StringWriter();
        AuditTextReport.Write(run, text);
        Assert.Contains("P&L from fills and settlements", text.ToString());
        Assert.Matches(@"total\s+.*\s3\.5600\s+0\.2400", text.ToString());
        Assert.Matches(@"market\s+KXNBAGAME-26NOV24LALBOS-LAL\s+0\.00\s+3\.5600\s+0\.2400", text.ToString());

        using var stream = new MemoryStream();
        AuditJsonReport.Write(run, stream);
        using var doc = JsonDocument.Parse(stream.ToArray());
        var pnl = doc.RootElement.GetProperty("pnl");
        Assert.Equal("3.5600", pnl.GetProperty("total").GetProperty("realized").GetString());
        Assert.Equal("0.2400", pnl.GetProperty("total").GetProperty("fees").GetString());
        Assert.Equal(Ticker, pnl.GetProperty("markets")[0].GetProperty("key").GetString());
        Assert.Equal(3, pnl.GetProperty("history").GetArrayLength());
    }
}
