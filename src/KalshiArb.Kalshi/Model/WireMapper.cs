using KalshiArb.Domain.Book;
using System.Collections.Immutable;
using System.Globalization;
using KalshiArb.Kalshi.Errors;
using KalshiArb.Kalshi.Wire;

namespace KalshiArb.Kalshi.Model;

/// <summary>DTO → model conversions. A refused field becomes a MalformedResponse error naming the field and reason.</summary>
public static class WireMapper
{
    public static KalshiResult<KalshiMarket> ToMarket(MarketDto dto)
    {
        var r = new WireFieldReader();
        var ticker = r.Required(dto.Ticker, "ticker");
        var eventTicker = r.Required(dto.EventTicker, "event_ticker");
        var ranges = new List<PriceRange>();
        foreach (var pr in dto.PriceRanges ?? [])
        {
            if (pr is null) return new ConversionFailure("price_ranges", null, nameof(WireParseError.Empty)).ToError("market");
            var range = new PriceRange(r.Price(pr.Start, "price_ranges.start"), r.Price(pr.End, "price_ranges.end"), r.Price(pr.Step, "price_ranges.step"));
            if (r.Ok && (range.Step.Ticks <= 0 || range.End < range.Start))
                return new ConversionFailure("price_ranges", $"{pr.Start}..{pr.End}/{pr.Step}", nameof(WireParseError.OutOfRange)).ToError("market");
            ranges.Add(range);
        }
        // a refused range must not reach PriceGrid, which throws on invalid ranges
        if (r.Failure is { } rangeFailure) return rangeFailure.ToError($"market {dto.Ticker}");
        var structure = PriceLevelStructures.Parse(dto.PriceLevelStructure);
        var market = new KalshiMarket(
            ticker, eventTicker, TickerParts.SeriesOf(eventTicker.Length > 0 ? eventTicker : ticker),
            dto.MarketType, dto.YesSubTitle, dto.NoSubTitle,
            ParseMarketStatus(dto.Status), dto.Status, dto.Result,
            r.OptionalPrice(dto.YesBidDollars, "yes_bid_dollars"),
            r.OptionalPrice(dto.YesAskDollars, "yes_ask_dollars"),
            r.OptionalPrice(dto.NoBidDollars, "no_bid_dollars"),
            r.OptionalPrice(dto.NoAskDollars, "no_ask_dollars"),
            r.OptionalCount(dto.YesBidSizeFp, "yes_bid_size_fp"),
            r.OptionalCount(dto.YesAskSizeFp, "yes_ask_size_fp"),
            r.OptionalPrice(dto.LastPriceDollars, "last_price_dollars"),
            r.OptionalCount(dto.VolumeFp, "volume_fp"),
            r.OptionalCount(dto.OpenInterestFp, "open_interest_fp"),
            r.OptionalTime(dto.OpenTime, "open_time"),
            r.OptionalTime(dto.CloseTime, "close_time"),
            r.OptionalTime(dto.ExpectedExpirationTime, "expected_expiration_time"),
            // no ranges on the wire: the grid the structure implies (cents when it says nothing, as sports game markets trade)
            ranges.Count == 0 ? PriceLevelStructures.Grid(structure) : new PriceGrid(ranges),
            // absent means not enabled: a whole count is valid on every market, a fractional one only where allowed
            dto.FractionalTradingEnabled ?? false,
            structure) { SettlementValue = r.OptionalPrice(dto.SettlementValueDollars, "settlement_value_dollars") };
        return r.Failure is { } f ? f.ToError($"market {dto.Ticker}") : market;
    }

    public static MarketStatus ParseMarketStatus(string? status) => status?.ToLowerInvariant() switch
    {
        "initialized" => MarketStatus.Initialized,
        "unopened" => MarketStatus.Unopened,
        "active" => MarketStatus.Active,
        "open" => MarketStatus.Open,
        "paused" => MarketStatus.Paused,
        "inactive" => MarketStatus.Inactive,
        "closed" => MarketStatus.Closed,
        "determined" => MarketStatus.Determined,
        "disputed" => MarketStatus.Disputed,
        "amended" => MarketStatus.Amended,
        "finalized" => MarketStatus.Finalized,
        "settled" => MarketStatus.Settled,
        _ => MarketStatus.Unknown,
    };

    public static KalshiResult<KalshiOrderbook> ToOrderbook(string ticker, OrderbookFpDto? dto)
    {
        var r = new WireFieldReader();
        var yes = Levels(r, dto?.YesDollars, "yes_dollars");
        var no = Levels(r, dto?.NoDollars, "no_dollars");
        return r.Failure is { } f ? f.ToError($"orderbook {ticker}") : new KalshiOrderbook(ticker, yes, no);
    }

    private static ImmutableArray<BookLevel> Levels(WireFieldReader r, List<List<string>>? levels, string field)
    {
        if (levels is null) return [];
        var b = ImmutableArray.CreateBuilder<BookLevel>(levels.Count);
        foreach (var level in levels)
        {
            if (level is not { Count: 2 })
            {
                r.Required(null, field);
                continue;
            }
            b.Add(new BookLevel(r.Price(level[0], field), r.Count(level[1], field)));
        }
        return b.ToImmutable();
    }

    public static KalshiResult<KalshiSeries> ToSeries(SeriesDto dto)
    {
        var r = new WireFieldReader();
        var s = new KalshiSeries(r.Required(dto.Ticker, "ticker"), dto.Title, dto.Category, dto.Tags ?? [],
            r.Fees(dto.FeeType, dto.FeeMultiplier));
        return r.Failure is { } f ? f.ToError($"series {dto.Ticker}") : s;
    }

    public static KalshiResult<KalshiBalance> ToBalance(BalanceDto dto)
    {
        var r = new WireFieldReader();
        Money balance;
        if (!string.IsNullOrEmpty(dto.BalanceDollars)) balance = r.Money(dto.BalanceDollars, "balance_dollars");
        else
        {
            var cents = r.OptionalLong(dto.Balance, "balance");
            if (cents is null) r.Required(null, "balance");
            balance = Money.FromCents(cents ?? 0);
        }
        var pv = r.OptionalLong(dto.PortfolioValue, "portfolio_value");
        var b = new KalshiBalance(balance, pv is { } c ? Money.FromCents(c) : null, r.OptionalLong(dto.UpdatedTs, "updated_ts"));
        return r.Failure is { } f ? f.ToError("balance") : b;
    }

    public static KalshiResult<KalshiPosition> ToPosition(MarketPositionDto dto)
    {
        var r = new WireFieldReader();
        var p = new KalshiPosition(r.Required(dto.Ticker, "ticker"), r.SignedCount(dto.PositionFp, "position_fp"),
            r.OptionalMoney(dto.MarketExposureDollars, "market_exposure_dollars") ?? Money.Zero,
            r.OptionalMoney(dto.RealizedPnlDollars, "realized_pnl_dollars") ?? Money.Zero,
            r.OptionalMoney(dto.FeesPaidDollars, "fees_paid_dollars") ?? Money.Zero);
        return r.Failure is { } f ? f.ToError($"position {dto.Ticker}") : p;
    }

    public static KalshiResult<KalshiFill> ToFill(FillDto dto)
    {
        var r = new WireFieldReader();
        var tradeId = r.Required(dto.TradeId ?? dto.FillId, "trade_id");
        var fill = new KalshiFill(tradeId, dto.FillId, r.Required(dto.OrderId, "order_id"), dto.ClientOrderId,
            r.Required(dto.Ticker, "ticker"), r.OptionalOutcome(dto.OutcomeSide, "outcome_side"), r.OptionalOrderSide(dto.BookSide, "book_side"),
            r.Count(dto.CountFp, "count_fp"), r.Price(dto.YesPriceDollars, "yes_price_dollars"),
            r.OptionalPrice(dto.NoPriceDollars, "no_price_dollars"), dto.IsTaker ?? false,
            r.OptionalMoney(dto.FeeCost, "fee_cost") ?? Money.Zero, r.OptionalLong(dto.Ts, "ts"));
        return r.Failure is { } f ? f.ToError($"fill {dto.TradeId}") : fill;
    }

    public static KalshiOrderStatus ParseOrderStatus(string? s) => s?.ToLowerInvariant() switch
    {
        "resting" => KalshiOrderStatus.Resting,
        "canceled" or "cancelled" => KalshiOrderStatus.Canceled,
        "executed" => KalshiOrderStatus.Executed,
        "pending" => KalshiOrderStatus.Pending,
        _ => KalshiOrderStatus.Unknown,
    };

    public static KalshiResult<KalshiOrder> ToOrder(OrderDto dto)
    {
        var r = new WireFieldReader();
        var o = new KalshiOrder(r.Required(dto.OrderId, "order_id"), dto.ClientOrderId, r.Required(dto.Ticker, "ticker"),
            r.OptionalOutcome(dto.OutcomeSide, "outcome_side"), r.OptionalOrderSide(dto.BookSide ?? dto.Side, "book_side"), ParseOrderStatus(dto.Status), dto.Status,
            r.OptionalPrice(dto.YesPriceDollars, "yes_price_dollars"), r.OptionalPrice(dto.NoPriceDollars, "no_price_dollars"),
            r.OptionalCount(dto.FillCountFp, "fill_count_fp") ?? Quantity.Zero,
            r.OptionalCount(dto.RemainingCountFp, "remaining_count_fp") ?? Quantity.Zero,
            r.OptionalCount(dto.InitialCountFp, "initial_count_fp"),
            r.OptionalMoney(dto.TakerFeesDollars, "taker_fees_dollars") ?? Money.Zero,
            r.OptionalMoney(dto.MakerFeesDollars, "maker_fees_dollars") ?? Money.Zero,
            r.OptionalTime(dto.CreatedTime, "created_time"), r.OptionalTime(dto.LastUpdateTime, "last_update_time"));
        return r.Failure is { } f ? f.ToError($"order {dto.OrderId}") : o;
    }

    public static KalshiResult<OrderAck> ToOrderAck(CreateOrderResponseDto dto)
    {
        var r = new WireFieldReader();
        var a = new OrderAck(r.Required(dto.OrderId, "order_id"), dto.ClientOrderId,
            r.OptionalCount(dto.FillCount, "fill_count") ?? Quantity.Zero,
            r.OptionalCount(dto.RemainingCount, "remaining_count") ?? Quantity.Zero,
            r.OptionalPrice(dto.AverageFillPrice, "average_fill_price"),
            r.OptionalMoney(dto.AverageFeePaid, "average_fee_paid"), r.OptionalLong(dto.TsMs, "ts_ms"));
        return r.Failure is { } f ? f.ToError("create order response") : a;
    }

    public static KalshiResult<CancelAck> ToCancelAck(CancelOrderResponseDto dto)
    {
        var r = new WireFieldReader();
        var a = new CancelAck(r.Required(dto.OrderId, "order_id"), dto.ClientOrderId,
            r.OptionalCount(dto.ReducedBy, "reduced_by") ?? Quantity.Zero, r.OptionalLong(dto.TsMs, "ts_ms"));
        return r.Failure is { } f ? f.ToError("cancel response") : a;
    }

    public static KalshiResult<AmendAck> ToAmendAck(AmendOrderResponseDto dto)
    {
        var r = new WireFieldReader();
        var o = dto.Order;
        var a = o is not null
            ? new AmendAck(r.Required(o.OrderId, "order.order_id"), o.ClientOrderId, r.OptionalPrice(o.YesPriceDollars, "order.yes_price_dollars"),
                r.OptionalCount(o.RemainingCountFp, "order.remaining_count_fp"), r.OptionalLong(dto.TsMs, "ts_ms"))
            : new AmendAck(r.Required(dto.OrderId, "order_id"), dto.ClientOrderId, r.OptionalPrice(dto.Price, "price"),
                r.OptionalCount(dto.RemainingCount, "remaining_count"), r.OptionalLong(dto.TsMs, "ts_ms"));
        return r.Failure is { } f ? f.ToError("amend response") : a;
    }

    public static CreateOrderRequestDto ToDto(KalshiOrderRequest order) => new()
    {
        Ticker = order.Ticker,
        ClientOrderId = order.ClientOrderId ?? "",
        Side = order.Side.ToWire(),
        Count = order.Count.ToWire(),
        Price = order.Price.ToWire(),
        TimeInForce = order.TimeInForce switch
        {
            TimeInForce.FillOrKill => "fill_or_kill",
            TimeInForce.ImmediateOrCancel => "immediate_or_cancel",
            _ => "good_till_canceled",
        },
        SelfTradePreventionType = order.SelfTradePrevention == SelfTradePrevention.Maker ? "maker" : "taker_at_cross",
        ExpirationTime = order.ExpirationTime is { } expires ? ExpirationText(expires) : null,
        PostOnly = order.PostOnly,
        ReduceOnly = order.ReduceOnly,
    };

    /// <summary>RFC 3339 UTC in whole seconds, rounded up: the exchange must never end an order earlier than asked.</summary>
    internal static string ExpirationText(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        var rest = ticks % TimeSpan.TicksPerSecond;
        var whole = new DateTimeOffset(rest == 0 ? ticks : ticks - rest + TimeSpan.TicksPerSecond, TimeSpan.Zero);
        return whole.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }

    internal static KalshiError? ToError(ErrorDetailDto? e, int status) =>
        e is null ? null : new KalshiError(KalshiErrorParser.Classify(status, e.Code, e.Message, e.Details), status, e.Code, e.Message, e.Details);
}
