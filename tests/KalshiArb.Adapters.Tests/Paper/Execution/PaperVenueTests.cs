using System.Diagnostics;
using KalshiArb.Adapters.Paper.Config;
using KalshiArb.Adapters.Paper.Execution;
using KalshiArb.Adapters.Tests.Common;
using KalshiArb.Domain.Book;
using KalshiArb.Domain.Fees;

namespace KalshiArb.Adapters.Tests.Paper.Execution;

public sealed class PaperVenueTests : IAsyncLifetime
{
    private const string Ticker = "KXNFLGAME-26SEP20PHITEN-PHI";
    private static readonly FeeSchedule Fees = FeeSchedule.SportsGame;
    private readonly RecordingVenueListener _listener = new();
    private PaperVenue _venue = null!;

    private static Price C(int cents) => Price.FromCents(cents);
    private static Quantity N(long contracts) => Quantity.FromContracts(contracts);
    private static BookLevel L(int cents, long contracts) => new(C(cents), N(contracts));

    private static PaperVenue NewVenue(Money? balance = null, TimeSpan? latency = null) =>
        new(new PaperVenueOptions { StartingBalance = balance ?? Money.FromDollars(100), OrderLatency = latency ?? TimeSpan.Zero });

    /// <summary>YES bids 0.45 (10); NO bids 0.48 (5), 0.47 (10) → YES asks 0.52 (5), 0.53 (10); NO ask 0.55 (10).</summary>
    private static void Feed(PaperVenue venue) =>
        Assert.Equal(BookUpdateResult.Applied, venue.ApplySnapshot(Ticker, 1, [L(45, 10)], [L(47, 10), L(48, 5)]));

    private static VenueOrderRequest Buy(string clientId, OutcomeSide side, int cents, long contracts,
        TimeInForce tif = TimeInForce.GoodTillCanceled, bool reduceOnly = false) =>
        new(clientId, Ticker, side, C(cents), N(contracts), tif, ReduceOnly: reduceOnly);

    public Task InitializeAsync()
    {
        _venue = NewVenue();
        _venue.Subscribe(_listener);
        Feed(_venue);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _venue.DisposeAsync();

    [Fact]
    public async Task Taker_order_fills_against_the_book_charges_cash_and_pushes_the_fill()
    {
        var r = await _venue.SubmitAsync(Buy("c1", OutcomeSide.Yes, 52, 5, TimeInForce.ImmediateOrCancel), default);

        Assert.Equal(VenueResultKind.Accepted, r.Kind);
        Assert.Equal(VenueOrderStatus.Executed, r.Status);
        Assert.Equal(N(5), r.FilledCount);
        var fill = await _listener.NextFillAsync();
        Assert.Equal((r.ExchangeOrderId, "c1", Ticker, OutcomeSide.Yes, C(52), N(5), true),
            (fill.ExchangeOrderId, fill.ClientOrderId, fill.Ticker, fill.Side, fill.Price, fill.Count, fill.IsTaker));
        Assert.Equal(Fees.FillFee(FeeRole.Taker, N(5), C(52)), fill.Fee);
        Assert.Equal(Money.FromDollars(100) - Money.Notional(C(52), N(5)) - fill.Fee, _venue.Cash);
        Assert.Equal(N(5), _venue.PositionOf(Ticker));
        Assert.Equal(VenueOrderStatus.Executed, (await _listener.NextUpdateAsync()).Order.Status);
    }

    [Fact]
    public async Task A_repeated_client_order_id_answers_already_exists()
    {
        var first = await _venue.SubmitAsync(Buy("dup", OutcomeSide.Yes, 40, 1), default);
        var again = await _venue.SubmitAsync(Buy("dup", OutcomeSide.No, 40, 1), default);

        Assert.True(first.IsAccepted);
        Assert.Equal(VenueResultKind.AlreadyExists, again.Kind);
        Assert.Null(again.ExchangeOrderId);

        await _venue.CancelAsync(first.ExchangeOrderId!, default);
        Assert.Equal(VenueResultKind.AlreadyExists, (await _venue.SubmitAsync(Buy("dup", OutcomeSide.Yes, 40, 1), default)).Kind);
    }

    [Fact]
    public async Task Concurrent_creates_with_one_client_id_make_exactly_one_order()
    {
        await using var venue = NewVenue(latency: TimeSpan.FromMilliseconds(20));
        Feed(venue);
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => venue.SubmitAsync(Buy("same", OutcomeSide.Yes, 40, 1), default))));

        Assert.Single(results, r => r.IsAccepted);
        Assert.Equal(7, results.Count(r => r.Kind == VenueResultKind.AlreadyExists));
    }

    [Fact]
    public async Task Insufficient_balance_is_refused_and_counts_resting_holds()
    {
        await using var venue = NewVenue(balance: Money.FromDollars(10));
        Feed(venue);

        var tooBig = await venue.SubmitAsync(Buy("big", OutcomeSide.Yes, 50, 20), default); // $10 + fee > $10
        Assert.Equal(VenueResultKind.InsufficientBalance, tooBig.Kind);

        var rests = await venue.SubmitAsync(Buy("rest", OutcomeSide.Yes, 40, 20), default); // holds $8 + $0.34
        Assert.True(rests.IsAccepted);
        Assert.Equal(Money.FromDollars(10) - Money.FromDollars(8) - Fees.TakerFee(N(20), C(40)), venue.AvailableBalance);
        Assert.Equal(VenueResultKind.InsufficientBalance, (await venue.SubmitAsync(Buy("more", OutcomeSide.Yes, 40, 5), default)).Kind);

        await venue.CancelAsync(rests.ExchangeOrderId!, default);
        Assert.Equal(Money.FromDollars(10), venue.AvailableBalance);
        // a refused create left no order, so its client id may be used once it can be afforded
        Assert.True((await venue.SubmitAsync(Buy("more", OutcomeSide.Yes, 40, 5), default)).IsAccepted);
    }

    [Fact]
    public async Task Resting_order_fills_from_public_trades_and_is_found_by_client_id()
    {
        var r = await _venue.SubmitAsync(Buy("rest-1", OutcomeSide.Yes, 45, 4), default);
        Assert.Equal(VenueOrderStatus.Resting, r.Status);

        _venue.ApplyTrade(Ticker, C(45), N(12), OutcomeSide.No, 5000); // 10 ahead of us, then 2 for us
        var fill = await _listener.NextFillAsync();
        Assert.Equal((N(2), C(45), false), (fill.Count, fill.Price, fill.IsTaker));
        Assert.Equal(Fees.FillFee(FeeRole.Maker, N(2), C(45)), fill.Fee);

        var found = await _venue.FindOrderAsync(Ticker, "rest-1", default);
        Assert.Equal(VenueResultKind.Accepted, found.Kind);
        Assert.Equal((r.ExchangeOrderId, VenueOrderStatus.Resting, N(2), N(2)),
            (found.Order!.ExchangeOrderId, found.Order.Status, found.Order.FilledCount, found.Order.RemainingCount));
        Assert.Equal([fill], await _venue.GetFillsAsync(r.ExchangeOrderId!, default));

        Assert.Equal(VenueResultKind.NotFound, (await _venue.FindOrderAsync(Ticker, "never-sent", default)).Kind);
        Assert.Equal(VenueResultKind.NotFound, (await _venue.FindOrderAsync("OTHER", "rest-1", default)).Kind);
        Assert.Empty(await _venue.GetFillsAsync("unknown", default));
    }

    [Fact]
    public async Task Cancel_reduces_the_remainder_once_then_answers_not_found()
    {
        var r = await _venue.SubmitAsync(Buy("c-cancel", OutcomeSide.No, 50, 3), default);

        var cancel = await _venue.CancelAsync(r.ExchangeOrderId!, default);
        Assert.Equal((VenueResultKind.Accepted, N(3)), (cancel.Kind, cancel.ReducedBy));
        var update = await _listener.UpdateMatchingAsync(u => u.Order.Status == VenueOrderStatus.Canceled);
        Assert.Equal("c-cancel", update.Order.ClientOrderId);

        Assert.Equal(VenueResultKind.NotFound, (await _venue.CancelAsync(r.ExchangeOrderId!, default)).Kind);
        Assert.Equal(VenueResultKind.NotFound, (await _venue.CancelAsync("nope", default)).Kind);
    }

    [Theory]
    [InlineData(0, 1, VenueResultKind.InvalidPrice)]
    [InlineData(100, 1, VenueResultKind.InvalidPrice)]
    [InlineData(45, 0, VenueResultKind.InvalidOrder)]
    public async Task Bad_orders_map_to_reason_kinds(int cents, long contracts, VenueResultKind expected)
    {
        var r = await _venue.SubmitAsync(Buy("bad", OutcomeSide.Yes, cents, contracts), default);
        Assert.Equal(expected, r.Kind);
    }

    [Fact]
    public async Task No_whole_book_means_no_paper_order()
    {
        _venue.InvalidateBook(Ticker);
        Assert.Equal(VenueResultKind.ServerError, (await _venue.SubmitAsync(Buy("x", OutcomeSide.Yes, 52, 1), default)).Kind);
        Feed(_venue);
        Assert.True((await _venue.SubmitAsync(Buy("x", OutcomeSide.Yes, 52, 1), default)).IsAccepted);
    }

    [Fact]
    public async Task Closing_the_market_cancels_resting_orders_and_refuses_new_ones()
    {
        var r = await _venue.SubmitAsync(Buy("rest-close", OutcomeSide.Yes, 44, 2), default);

        _venue.CloseMarket(Ticker, 9000);

        var update = await _listener.UpdateMatchingAsync(u => u.Order.Status == VenueOrderStatus.Canceled);
        Assert.Equal(r.ExchangeOrderId, update.Order.ExchangeOrderId);
        Assert.Equal(VenueResultKind.MarketInactive, (await _venue.SubmitAsync(Buy("late", OutcomeSide.Yes, 52, 1), default)).Kind);
        _venue.OpenMarket(Ticker);
        Assert.True((await _venue.SubmitAsync(Buy("late", OutcomeSide.Yes, 52, 1), default)).IsAccepted);
    }

    [Fact]
    public async Task Settlement_pays_a_dollar_per_winning_contract_once()
    {
        await _venue.SubmitAsync(Buy("win", OutcomeSide.Yes, 53, 10, TimeInForce.FillOrKill), default);
        var before = _venue.Cash;

        Assert.Equal(Money.FromDollars(10), _venue.SettleMarket(Ticker, Price.One, 10_000));
        Assert.Equal(before + Money.FromDollars(10), _venue.Cash);
        Assert.Equal(Quantity.Zero, _venue.PositionOf(Ticker));
        Assert.Equal(Money.Zero, _venue.SettleMarket(Ticker, Price.One, 10_001));
        Assert.Equal(PaperMarketStatus.Settled, _venue.StatusOf(Ticker));
    }

    [Fact]
    public async Task Losing_side_gets_nothing_at_settlement()
    {
        await _venue.SubmitAsync(Buy("lose", OutcomeSide.No, 55, 10, TimeInForce.FillOrKill), default);
        Assert.Equal(Money.Zero, _venue.SettleMarket(Ticker, Price.One, 10_000));
    }

    [Fact]
    public async Task Buying_the_other_side_nets_the_position()
    {
        await _venue.SubmitAsync(Buy("y", OutcomeSide.Yes, 53, 10, TimeInForce.FillOrKill), default);
        var before = _venue.Cash;

        var r = await _venue.SubmitAsync(Buy("n", OutcomeSide.No, 55, 4, TimeInForce.FillOrKill, reduceOnly: true), default);

        Assert.True(r.IsAccepted);
        Assert.Equal(N(6), _venue.PositionOf(Ticker));
        var cost = Money.Notional(C(55), N(4)) + Fees.FillFee(FeeRole.Taker, N(4), C(55));
        Assert.Equal(before - cost + Money.FromDollars(4), _venue.Cash);
        Assert.Equal(VenueResultKind.InvalidOrder,
            (await _venue.SubmitAsync(Buy("n2", OutcomeSide.No, 55, 7, reduceOnly: true), default)).Kind);
    }

    [Fact]
    public async Task Orders_reach_the_book_only_after_the_latency()
    {
        await using var venue = NewVenue(latency: TimeSpan.FromMilliseconds(300));
        Feed(venue);
        var watch = Stopwatch.StartNew();

        var pending = venue.SubmitAsync(Buy("slow", OutcomeSide.Yes, 45, 1), default);
        Assert.False(pending.IsCompleted);
        Assert.Equal(VenueResultKind.NotFound, (await venue.FindOrderAsync(Ticker, "slow", default)).Kind);

        Assert.True((await pending).IsAccepted);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"took {watch.Elapsed}");
        Assert.Equal(VenueResultKind.Accepted, (await venue.FindOrderAsync(Ticker, "slow", default)).Kind);
    }

    // ---- expiry (ExpiresAtMs), on the venue's own clock ----

    private static readonly DateTimeOffset Start = new(2026, 9, 20, 17, 0, 0, TimeSpan.Zero);

    private static (PaperVenue Venue, ManualTimerClock Clock, RecordingVenueListener Listener) TimedVenue()
    {
        var clock = new ManualTimerClock(Start);
        var venue = new PaperVenue(new PaperVenueOptions { StartingBalance = Money.FromDollars(100), OrderLatency = TimeSpan.Zero }, clock);
        var listener = new RecordingVenueListener();
        venue.Subscribe(listener);
        Feed(venue);
        return (venue, clock, listener);
    }

    [Fact]
    public async Task A_request_whose_expiry_has_come_is_refused_and_leaves_no_order()
    {
        var (venue, clock, _) = TimedVenue();
        await using var _ = venue;
        foreach (var expires in new[] { clock.NowMs, clock.NowMs - 1 })
        {
            // a taker at the ask: it would fill at once if it were let in
            var late = await venue.SubmitAsync(Buy("late", OutcomeSide.Yes, 52, 1, TimeInForce.ImmediateOrCancel) with { ExpiresAtMs = expires }, default);
            Assert.Equal(VenueResultKind.InvalidOrder, late.Kind);
            Assert.Contains("expiration_time is in the past", late.Message);
        }
        Assert.Equal(VenueResultKind.NotFound, (await venue.FindOrderAsync(Ticker, "late", default)).Kind);
        Assert.Equal(Money.FromDollars(100), venue.Cash);

        var inTime = await venue.SubmitAsync(Buy("late", OutcomeSide.Yes, 52, 1, TimeInForce.ImmediateOrCancel) with { ExpiresAtMs = clock.NowMs + 1 }, default);
        Assert.Equal(VenueOrderStatus.Executed, inTime.Status);
    }

    [Fact]
    public async Task A_resting_order_is_canceled_when_its_expiry_comes_and_listeners_hear_it()
    {
        var (venue, clock, listener) = TimedVenue();
        await using var _ = venue;
        var r = await venue.SubmitAsync(Buy("gtd", OutcomeSide.Yes, 40, 5) with { ExpiresAtMs = clock.NowMs + 2_000 }, default);
        Assert.Equal(VenueOrderStatus.Resting, r.Status);
        Assert.Equal(VenueOrderStatus.Resting, (await listener.NextUpdateAsync()).Order.Status);

        clock.Advance(TimeSpan.FromMilliseconds(1_999));
        Assert.Equal(VenueOrderStatus.Resting, (await venue.FindOrderAsync(Ticker, "gtd", default)).Order!.Status);

        clock.Advance(TimeSpan.FromMilliseconds(1)); // the venue's own timer fires: nobody else calls it
        var update = await listener.NextUpdateAsync();
        Assert.Equal((r.ExchangeOrderId, "gtd", VenueOrderStatus.Canceled, N(0), N(0), clock.NowMs),
            (update.Order.ExchangeOrderId, update.Order.ClientOrderId, update.Order.Status, update.Order.FilledCount, update.Order.RemainingCount, update.TimestampMs));
        Assert.Equal(Money.FromDollars(100), venue.AvailableBalance);
        Assert.Equal(VenueOrderStatus.Canceled, (await venue.FindOrderAsync(Ticker, "gtd", default)).Order!.Status);
        Assert.Equal(VenueResultKind.NotFound, (await venue.CancelAsync(r.ExchangeOrderId!, default)).Kind);
    }

    [Fact]
    public async Task Each_order_expires_at_its_own_time_and_one_without_an_expiry_stays()
    {
        var (venue, clock, listener) = TimedVenue();
        await using var _ = venue;
        var later = await venue.SubmitAsync(Buy("later", OutcomeSide.Yes, 40, 1) with { ExpiresAtMs = clock.NowMs + 3_000 }, default);
        var sooner = await venue.SubmitAsync(Buy("sooner", OutcomeSide.No, 40, 1) with { ExpiresAtMs = clock.NowMs + 1_000 }, default);
        var open = await venue.SubmitAsync(Buy("open", OutcomeSide.Yes, 39, 1), default);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(sooner.ExchangeOrderId, (await listener.UpdateMatchingAsync(u => u.Order.Status == VenueOrderStatus.Canceled)).Order.ExchangeOrderId);
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(later.ExchangeOrderId, (await listener.UpdateMatchingAsync(u => u.Order.Status == VenueOrderStatus.Canceled)).Order.ExchangeOrderId);

        clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(VenueOrderStatus.Resting, (await venue.FindOrderAsync(Ticker, "open", default)).Order!.Status);
        Assert.Equal(VenueResultKind.Accepted, (await venue.CancelAsync(open.ExchangeOrderId!, default)).Kind);
    }

    [Fact]
    public async Task An_order_past_its_expiry_never_fills_even_when_its_timer_is_late()
    {
        var (venue, clock, listener) = TimedVenue();
        await using var _ = venue;
        var r = await venue.SubmitAsync(Buy("gtd", OutcomeSide.Yes, 45, 4) with { ExpiresAtMs = clock.NowMs + 1_000 }, default);
        Assert.Equal(VenueOrderStatus.Resting, (await listener.NextUpdateAsync()).Order.Status);

        clock.Advance(TimeSpan.FromSeconds(1), fireTimers: false);
        venue.ApplyTrade(Ticker, C(45), N(20), OutcomeSide.No, clock.NowMs); // 10 ahead of us, then enough for all 4

        var update = await listener.NextUpdateAsync();
        Assert.Equal((r.ExchangeOrderId, VenueOrderStatus.Canceled, N(0)), (update.Order.ExchangeOrderId, update.Order.Status, update.Order.FilledCount));
        Assert.Equal(Money.FromDollars(100), venue.Cash);
        Assert.Empty(await venue.GetFillsAsync(r.ExchangeOrderId!, default));
    }
}
