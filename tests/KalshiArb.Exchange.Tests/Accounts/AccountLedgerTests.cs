using KalshiArb.Domain.Orders;
using KalshiArb.Exchange.Markets;

namespace KalshiArb.Exchange.Tests.Accounts;

public sealed class AccountLedgerTests
{
    private const string T = "KXNFLGAME-26SEP20PHITEN-PHI";

    [Fact]
    public void Buying_the_other_side_nets_the_position_and_returns_a_dollar_per_pair()
    {
        var ledger = new AccountLedger("a", Money.FromDollars(100), synthetic: false);
        ledger.ApplyFill(T, OutcomeSide.Yes, Price.Parse("0.4000"), Quantity.FromContracts(10), Money.Zero, null, 1);
        Assert.Equal(Money.Parse("96.0000"), ledger.Cash);

        // buy 4 NO at 0.55 = sell 4 YES at 0.45: pays 2.20, gets 4.00 back for the pairs
        var booked = ledger.ApplyFill(T, OutcomeSide.No, Price.Parse("0.5500"), Quantity.FromContracts(4), Money.Parse("0.0100"), null, 2);
        Assert.Equal(Quantity.FromContracts(10), booked.Before);
        Assert.Equal(Quantity.FromContracts(6), booked.After.Position);
        Assert.Equal(Money.Parse("97.7900"), ledger.Cash);
        Assert.Equal(Money.Parse("2.4000"), booked.After.CostBasis);       // 6 left at 0.40
        Assert.Equal(Money.Parse("0.2000"), booked.After.RealizedPnl);     // sold 4 at 0.45 bought at 0.40
        Assert.Equal(Money.Parse("0.0100"), booked.After.FeesPaid);

        // flip through zero: 8 NO closes 6 YES and opens 2 NO
        var flip = ledger.ApplyFill(T, OutcomeSide.No, Price.Parse("0.5000"), Quantity.FromContracts(8), Money.Zero, null, 3);
        Assert.Equal(Quantity.FromContracts(-2), flip.After.Position);
        Assert.Equal(Money.Parse("1.0000"), flip.After.CostBasis);
    }

    [Fact]
    public void Settlement_pays_the_winning_side_only()
    {
        var yes = new AccountLedger("y", Money.FromDollars(10), synthetic: false);
        var no = new AccountLedger("n", Money.FromDollars(10), synthetic: false);
        yes.ApplyFill(T, OutcomeSide.Yes, Price.Parse("0.3000"), Quantity.Parse("2.50"), Money.Zero, null, 1);
        no.ApplyFill(T, OutcomeSide.No, Price.Parse("0.7000"), Quantity.Parse("2.50"), Money.Zero, null, 1);
        yes.Settle(T, Price.One, 2);
        no.Settle(T, Price.One, 2);
        Assert.Equal(Money.Parse("11.7500"), yes.Cash);
        Assert.Equal(Money.Parse("8.2500"), no.Cash);
        Assert.Null(yes.Settle(T, Price.One, 3)); // nothing left to pay
    }

    [Fact]
    public void Holds_respect_available_cash_and_client_ids()
    {
        var ledger = new AccountLedger("a", Money.FromDollars(5), synthetic: false);
        Assert.Equal(ExchangeRejectCode.None, ledger.TryHoldForNew("c1", Money.FromDollars(4)));
        Assert.Equal(ExchangeRejectCode.InsufficientBalance, ledger.TryHoldForNew("c2", Money.FromDollars(2)));
        Assert.Equal(ExchangeRejectCode.OrderAlreadyExists, ledger.TryHoldForNew("c1", Money.Zero));
        ledger.ReleaseHold("c1", Money.FromDollars(4));
        Assert.Equal(Money.FromDollars(5), ledger.Available);
        Assert.Equal(ExchangeRejectCode.None, ledger.TryHoldForNew("c1", Money.FromDollars(1)));
    }
}
