using KalshiArb.Adapters.Kalshi.Common;
using KalshiArb.Domain.Matching;
using KalshiArb.Kalshi.Errors;
using KalshiArb.Kalshi.Feed;
using KalshiArb.Kalshi.Model;

namespace KalshiArb.Adapters.Tests.Kalshi.Common;

public class KalshiVenueMappingTests
{
    public static TheoryData<KalshiErrorKind, VenueResultKind> ErrorKinds => new()
    {
        { KalshiErrorKind.OrderAlreadyExists, VenueResultKind.AlreadyExists },
        { KalshiErrorKind.InsufficientBalance, VenueResultKind.InsufficientBalance },
        { KalshiErrorKind.InvalidPrice, VenueResultKind.InvalidPrice },
        { KalshiErrorKind.InvalidOrder, VenueResultKind.InvalidOrder },
        { KalshiErrorKind.MarketInactive, VenueResultKind.MarketInactive },
        { KalshiErrorKind.NotFound, VenueResultKind.NotFound },
        { KalshiErrorKind.RateLimited, VenueResultKind.RateLimited },
        { KalshiErrorKind.Auth, VenueResultKind.AuthFailed },
        { KalshiErrorKind.ServerError, VenueResultKind.ServerError },
        { KalshiErrorKind.Timeout, VenueResultKind.ServerError },
        { KalshiErrorKind.Transport, VenueResultKind.ServerError },
        { KalshiErrorKind.MalformedResponse, VenueResultKind.ServerError },
        { KalshiErrorKind.Unknown, VenueResultKind.ServerError },
    };

    [Theory]
    [MemberData(nameof(ErrorKinds))]
    public void Every_kalshi_error_kind_has_a_venue_reason(KalshiErrorKind kind, VenueResultKind expected) =>
        Assert.Equal(expected, KalshiVenueMapping.ToResultKind(kind));

    [Fact]
    public void The_error_table_covers_every_kind()
    {
        var covered = ErrorKinds.Select(row => (KalshiErrorKind)row[0]).ToHashSet();
        Assert.Equal(Enum.GetValues<KalshiErrorKind>().ToHashSet(), covered);
    }

    [Theory]
    [InlineData(KalshiErrorKind.Timeout, true)]
    [InlineData(KalshiErrorKind.Transport, true)]
    [InlineData(KalshiErrorKind.MalformedResponse, true)]
    [InlineData(KalshiErrorKind.OrderAlreadyExists, false)]
    [InlineData(KalshiErrorKind.ServerError, false)]
    public void Only_missing_answers_leave_the_outcome_unknown(KalshiErrorKind kind, bool unknown) =>
        Assert.Equal(unknown, KalshiVenueMapping.IsOutcomeUnknown(kind));

    [Fact]
    public void The_venue_expiry_becomes_expiration_time_never_earlier_than_asked()
    {
        var expires = DateTimeOffset.Parse("2026-09-20T17:00:02.250Z", System.Globalization.CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
        var request = new VenueOrderRequest("c1", "T", OutcomeSide.Yes, Price.FromCents(40), Quantity.FromContracts(1), TimeInForce.GoodTillCanceled,
            ExpiresAtMs: expires);

        var order = KalshiVenueMapping.ToKalshiOrder(request, SelfTradePrevention.TakerAtCross);

        Assert.Equal(expires, order.ExpirationTime!.Value.ToUnixTimeMilliseconds());
        Assert.Equal("2026-09-20T17:00:03Z", WireMapper.ToDto(order).ExpirationTime);
    }

    [Fact]
    public void No_venue_expiry_sends_no_expiration_time()
    {
        var request = new VenueOrderRequest("c1", "T", OutcomeSide.Yes, Price.FromCents(40), Quantity.FromContracts(1), TimeInForce.GoodTillCanceled);
        var order = KalshiVenueMapping.ToKalshiOrder(request, SelfTradePrevention.TakerAtCross);
        Assert.Null(order.ExpirationTime);
        Assert.Null(WireMapper.ToDto(order).ExpirationTime);
    }

    [Fact]
    public void Buying_no_at_p_is_a_v2_ask_at_yes_price_one_minus_p()
    {
        var request = new VenueOrderRequest("c1", "T", OutcomeSide.No, Price.FromCents(37), Quantity.FromContracts(3), TimeInForce.FillOrKill, PostOnly: true);
        var order = KalshiVenueMapping.ToKalshiOrder(request, SelfTradePrevention.Maker);
        Assert.Equal((OrderSide.Ask, Price.FromCents(63), TimeInForce.FillOrKill, true, null, SelfTradePrevention.Maker, "c1"),
            (order.Side, order.Price, order.TimeInForce, order.PostOnly, order.ReduceOnly, order.SelfTradePrevention, order.ClientOrderId));

        var yes = KalshiVenueMapping.ToKalshiOrder(request with { Side = OutcomeSide.Yes, TimeInForce = TimeInForce.ImmediateOrCancel }, SelfTradePrevention.TakerAtCross);
        Assert.Equal((OrderSide.Bid, Price.FromCents(37), TimeInForce.ImmediateOrCancel), (yes.Side, yes.Price, yes.TimeInForce));
    }

    [Theory]
    [InlineData(500, 0, 500, VenueOrderStatus.Executed)]
    [InlineData(500, 200, 300, VenueOrderStatus.Resting)]
    [InlineData(500, 0, 200, VenueOrderStatus.Canceled)]
    [InlineData(500, 0, 0, VenueOrderStatus.Canceled)]
    public void Status_after_create_follows_the_counts(long requested, long remaining, long filled, VenueOrderStatus expected)
    {
        var ack = new OrderAck("o", "c", new Quantity(filled), new Quantity(remaining), null, null, null);
        Assert.Equal(expected, KalshiVenueMapping.StatusAfterCreate(new Quantity(requested), ack));
    }

    [Fact]
    public void Socket_fills_are_priced_in_the_bought_sides_own_price()
    {
        var report = new FillReport("T", 1, "tr1", "o1", "c1", false, OutcomeSide.No, OrderSide.Ask, Price.FromCents(58),
            Quantity.FromContracts(2), new Money(44), null, 1234);
        var fill = KalshiVenueMapping.ToFill(report, null, 0)!;
        Assert.Equal((OutcomeSide.No, Price.FromCents(42), false, 1234L), (fill.Side, fill.Price, fill.IsTaker, fill.TimestampMs));

        // no outcome and no book side on the frame: the side we remember from the create is used, else it is not guessed
        var bare = report with { Outcome = null, Side = null };
        Assert.Equal(OutcomeSide.No, KalshiVenueMapping.ToFill(bare, OutcomeSide.No, 0)!.Side);
        Assert.Null(KalshiVenueMapping.ToFill(bare, null, 0));
    }

    [Fact]
    public void User_order_updates_become_venue_order_states()
    {
        var update = new UserOrderUpdate("T", 2, "o1", null, KalshiOrderStatus.Canceled, "canceled", OrderSide.Ask, Price.FromCents(30),
            Quantity.FromContracts(1), Quantity.Zero, Quantity.FromContracts(4), 99);
        var mapped = KalshiVenueMapping.ToUpdate(update, null, "c-known", 0)!;
        Assert.Equal(("o1", "c-known", OutcomeSide.No, Price.FromCents(70), VenueOrderStatus.Canceled, Quantity.FromContracts(4), 99L),
            (mapped.Order.ExchangeOrderId, mapped.Order.ClientOrderId, mapped.Order.Side, mapped.Order.LimitPrice, mapped.Order.Status,
                mapped.Order.InitialCount, mapped.TimestampMs));
        Assert.Null(KalshiVenueMapping.ToUpdate(update with { YesPrice = null }, OutcomeSide.No, null, 0));
    }

    [Fact]
    public void Rest_orders_map_with_no_prices_for_no_orders()
    {
        var order = new KalshiOrder("o1", "c1", "T", OutcomeSide.No, OrderSide.Ask, KalshiOrderStatus.Pending, "pending", Price.FromCents(45),
            Price.FromCents(55), Quantity.Zero, Quantity.FromContracts(3), null, Money.Zero, Money.Zero, null, null);
        var state = KalshiVenueMapping.ToState(order)!;
        Assert.Equal((OutcomeSide.No, Price.FromCents(55), VenueOrderStatus.Resting, Quantity.FromContracts(3)),
            (state.Side, state.LimitPrice, state.Status, state.InitialCount));
    }
}
