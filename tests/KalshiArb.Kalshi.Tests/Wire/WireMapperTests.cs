using KalshiArb.Domain.Fees;
using KalshiArb.Domain.Book;
using KalshiArb.Kalshi.Wire;

namespace KalshiArb.Kalshi.Tests.Wire;

public sealed class WireMapperTests
{
    internal const string MarketJson = """
        {"ticker":"KXNFLGAME-26SEP20PHITEN-PHI","event_ticker":"KXNFLGAME-26SEP20PHITEN","market_type":"binary",
         "title":"deprecated","yes_sub_title":"Philadelphia","no_sub_title":"Philadelphia",
         "yes_bid_dollars":"0.5600","yes_ask_dollars":"0.5800","no_bid_dollars":"0.4200","no_ask_dollars":"0.4400",
         "yes_bid_size_fp":"120.00","yes_ask_size_fp":"3.50","last_price_dollars":"0.570000","volume_fp":"10500.00",
         "open_interest_fp":"800.00","open_time":"2026-09-14T12:00:00Z","close_time":"2026-10-04T12:00:00Z",
         "expected_expiration_time":"2026-09-21T03:00:00Z","status":"active","result":"",
         "price_ranges":[{"start":"0.0100","end":"0.9900","step":"0.0100"}]}
        """;

    private static MarketDto Market(string json) => JsonSerializer.Deserialize(
        $$"""{"markets":[{{json}}],"cursor":""}""", KalshiJsonContext.Default.MarketsPageDto)!.Markets![0];

    [Fact]
    public void Market_converts_to_fixed_point_with_price_grid()
    {
        var m = WireMapper.ToMarket(Market(MarketJson));
        Assert.True(m.IsSuccess, m.ToString());
        var v = m.Value;
        Assert.Equal("KXNFLGAME", v.SeriesTicker);
        Assert.Equal(new Price(5600), v.YesBid);
        Assert.Equal(new Price(4400), v.NoAsk);
        Assert.Equal(new Quantity(350), v.YesAskSize);
        Assert.Equal(new Price(5700), v.LastPrice);
        Assert.Equal(MarketStatus.Active, v.Status);
        Assert.Equal(new DateTimeOffset(2026, 10, 4, 12, 0, 0, TimeSpan.Zero), v.CloseTime);
        Assert.True(v.PriceGrid.Contains(new Price(100)));
        Assert.False(v.PriceGrid.Contains(new Price(150)));
        Assert.Equal("Philadelphia", v.YesSubTitle);
    }

    [Theory]
    [InlineData("\"yes_bid_dollars\":\"0.5600\"", "\"yes_bid_dollars\":\"1.5000\"", "yes_bid_dollars", WireParseError.OutOfRange)]
    [InlineData("\"yes_bid_dollars\":\"0.5600\"", "\"yes_bid_dollars\":\"abc\"", "yes_bid_dollars", WireParseError.NotANumber)]
    [InlineData("\"volume_fp\":\"10500.00\"", "\"volume_fp\":\"-1.00\"", "volume_fp", WireParseError.Negative)]
    [InlineData("\"last_price_dollars\":\"0.570000\"", "\"last_price_dollars\":\"0.5700001\"", "last_price_dollars", WireParseError.TooManyDecimals)]
    [InlineData("\"step\":\"0.0100\"", "\"step\":\"0.00001\"", "price_ranges.step", WireParseError.SubTickPrecision)]
    public void Bad_numbers_are_refused_with_field_and_reason(string from, string to, string field, WireParseError reason)
    {
        var m = WireMapper.ToMarket(Market(MarketJson.Replace(from, to)));
        Assert.False(m.IsSuccess);
        Assert.Equal(KalshiErrorKind.MalformedResponse, m.Error.Kind);
        Assert.Contains(field, m.Error.Message);
        Assert.Contains(reason.ToString(), m.Error.Message);
    }

    [Fact]
    public void Numbers_sent_as_json_numbers_still_parse_exactly()
    {
        var m = WireMapper.ToMarket(Market(MarketJson.Replace("\"yes_bid_dollars\":\"0.5600\"", "\"yes_bid_dollars\":0.56")));
        Assert.True(m.IsSuccess, m.ToString());
        Assert.Equal(new Price(5600), m.Value.YesBid);
    }

    [Fact]
    public void Orderbook_levels_parse_and_refuse_bad_levels()
    {
        var dto = JsonSerializer.Deserialize("""{"orderbook_fp":{"yes_dollars":[["0.4700","3.00"],["0.4800","12.50"]],"no_dollars":[["0.5100","1.00"]]}}""",
            KalshiJsonContext.Default.OrderbookEnvelopeDto)!;
        var book = WireMapper.ToOrderbook("T", dto.OrderbookFp);
        Assert.True(book.IsSuccess);
        Assert.Equal([new BookLevel(new Price(4700), new Quantity(300)), new BookLevel(new Price(4800), new Quantity(1250))], book.Value.YesBids.ToArray());
        Assert.Single(book.Value.NoBids);

        var bad = JsonSerializer.Deserialize("""{"orderbook_fp":{"yes_dollars":[["0.4700"]],"no_dollars":[]}}""", KalshiJsonContext.Default.OrderbookEnvelopeDto)!;
        Assert.False(WireMapper.ToOrderbook("T", bad.OrderbookFp).IsSuccess);
    }

    [Fact]
    public void Series_balance_position_fill_order_convert()
    {
        var series = JsonSerializer.Deserialize("""{"series":[{"ticker":"KXNFLGAME","title":"NFL","category":"Sports","tags":["Football"],"fee_type":"quadratic_with_maker_fees","fee_multiplier":1}]}""",
            KalshiJsonContext.Default.SeriesListDto)!.Series![0];
        var s = WireMapper.ToSeries(series).Value;
        Assert.True(s.ChargesMakerFees);
        Assert.Equal(FeeSchedule.MultiplierOne, s.Fees.MultiplierTenThousandths);

        var bal = WireMapper.ToBalance(JsonSerializer.Deserialize("""{"balance":12345,"balance_dollars":"123.4500","portfolio_value":500,"updated_ts":1781159387}""", KalshiJsonContext.Default.BalanceDto)!).Value;
        Assert.Equal(Money.Parse("123.45"), bal.Balance);
        Assert.Equal(Money.FromCents(500), bal.PortfolioValue);
        var centsOnly = WireMapper.ToBalance(JsonSerializer.Deserialize("""{"balance":250}""", KalshiJsonContext.Default.BalanceDto)!).Value;
        Assert.Equal(Money.FromCents(250), centsOnly.Balance);

        var pos = WireMapper.ToPosition(JsonSerializer.Deserialize("""{"market_positions":[{"ticker":"T","position_fp":"-5.00","market_exposure_dollars":"2.2000","realized_pnl_dollars":"-0.5000","fees_paid_dollars":"0.0400"}],"cursor":""}""",
            KalshiJsonContext.Default.PositionsPageDto)!.MarketPositions![0]).Value;
        Assert.Equal(Quantity.FromContracts(-5), pos.Position);
        Assert.Equal(Money.Parse("-0.5"), pos.RealizedPnl);

        var fill = WireMapper.ToFill(JsonSerializer.Deserialize("""{"fills":[{"fill_id":"f1","trade_id":"t1","order_id":"o1","ticker":"T","outcome_side":"yes","book_side":"bid","count_fp":"2.00","yes_price_dollars":"0.5600","no_price_dollars":"0.4400","is_taker":true,"fee_cost":"0.0200","ts":1781159387}]}""",
            KalshiJsonContext.Default.FillsPageDto)!.Fills![0]).Value;
        Assert.Equal("t1", fill.TradeId);
        Assert.Equal(OutcomeSide.Yes, fill.Outcome);
        Assert.Equal(OrderSide.Bid, fill.Side);
        Assert.Equal(Money.FromCents(2), fill.Fee);
        Assert.True(fill.IsTaker);

        var order = WireMapper.ToOrder(JsonSerializer.Deserialize("""{"order":{"order_id":"o1","client_order_id":"c1","ticker":"T","outcome_side":"yes","book_side":"bid","status":"resting","yes_price_dollars":"0.5600","no_price_dollars":"0.4400","fill_count_fp":"1.00","remaining_count_fp":"9.00","initial_count_fp":"10.00","taker_fees_dollars":"0.0200","maker_fees_dollars":"0.0000","created_time":"2026-09-20T17:00:00Z"}}""",
            KalshiJsonContext.Default.OrderEnvelopeDto)!.Order!).Value;
        Assert.Equal(KalshiOrderStatus.Resting, order.Status);
        Assert.Equal(Quantity.FromContracts(9), order.RemainingCount);
        Assert.False(order.IsTerminal);
    }

    [Fact]
    public void Create_request_serializes_numbers_as_strings()
    {
        var dto = WireMapper.ToDto(new KalshiOrderRequest("KXNFLGAME-26SEP20PHITEN-PHI", "exec-1", OrderSide.Ask, Quantity.FromContracts(10), new Price(5600),
            TimeInForce.ImmediateOrCancel, PostOnly: true));
        var json = JsonSerializer.Serialize(dto, KalshiJsonContext.Default.CreateOrderRequestDto);
        Assert.Contains("\"count\":\"10.00\"", json);
        Assert.Contains("\"price\":\"0.5600\"", json);
        Assert.Contains("\"side\":\"ask\"", json);
        Assert.Contains("\"time_in_force\":\"immediate_or_cancel\"", json);
        Assert.Contains("\"self_trade_prevention_type\":\"taker_at_cross\"", json);
        Assert.Contains("\"post_only\":true", json);
        Assert.DoesNotContain("reduce_only", json);
        Assert.DoesNotContain("expiration_time", json);
    }

    [Theory]
    [InlineData("2026-09-20T17:00:02.0000000+00:00", "2026-09-20T17:00:02Z")]
    [InlineData("2026-09-20T17:00:02.0010000+00:00", "2026-09-20T17:00:03Z")]
    [InlineData("2026-09-20T17:00:02.9990000+00:00", "2026-09-20T17:00:03Z")]
    [InlineData("2026-09-20T19:00:02.0000001+02:00", "2026-09-20T17:00:03Z")]
    [InlineData("2026-12-31T23:59:59.5000000+00:00", "2027-01-01T00:00:00Z")]
    public void Expiration_time_is_utc_whole_seconds_rounded_up(string asked, string wire)
    {
        var dto = WireMapper.ToDto(new KalshiOrderRequest("T", "exec-1", OrderSide.Bid, Quantity.FromContracts(1), new Price(5000),
            ExpirationTime: DateTimeOffset.Parse(asked, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(wire, dto.ExpirationTime);
        Assert.Contains($"\"expiration_time\":\"{wire}\"", JsonSerializer.Serialize(dto, KalshiJsonContext.Default.CreateOrderRequestDto));
    }

    [Fact]
    public void Create_response_accepts_string_or_number_counts()
    {
        var a = WireMapper.ToOrderAck(JsonSerializer.Deserialize("""{"order_id":"o1","client_order_id":"c1","fill_count":"2.00","remaining_count":8,"average_fill_price":"0.5600","average_fee_paid":"0.0100","ts_ms":1781159387354}""",
            KalshiJsonContext.Default.CreateOrderResponseDto)!).Value;
        Assert.Equal(Quantity.FromContracts(2), a.FillCount);
        Assert.Equal(Quantity.FromContracts(8), a.RemainingCount);
        Assert.Equal(1781159387354, a.TsMs);
    }

    [Theory]
    [InlineData("""{"ticker":"KXNFLGAME","fee_type":"cubic","fee_multiplier":1}""", "fee_type", "UnknownFeeType")]
    [InlineData("""{"ticker":"KXNFLGAME","fee_type":"quadratic","fee_multiplier":"-1"}""", "fee_multiplier", "InvalidMultiplier")]
    public void Unknown_fee_rules_are_refused_not_guessed(string seriesJson, string field, string reason)
    {
        var dto = JsonSerializer.Deserialize($$"""{"series":[{{seriesJson}}]}""", KalshiJsonContext.Default.SeriesListDto)!.Series![0];
        var r = WireMapper.ToSeries(dto);
        Assert.False(r.IsSuccess);
        Assert.Contains(field, r.Error.Message);
        Assert.Contains(reason, r.Error.Message);
    }

    [Fact]
    public void Quadratic_series_charges_no_maker_fee()
    {
        var dto = JsonSerializer.Deserialize("""{"series":[{"ticker":"KXNFLSPREAD","fee_type":"quadratic","fee_multiplier":"0.5"}]}""", KalshiJsonContext.Default.SeriesListDto)!.Series![0];
        var s = WireMapper.ToSeries(dto).Value;
        Assert.False(s.ChargesMakerFees);
        Assert.Equal(5000, s.Fees.MultiplierTenThousandths);
    }

    [Fact]
    public void Unknown_side_text_is_refused()
    {
        var r = WireMapper.ToOrder(new OrderDto { OrderId = "o", Ticker = "T", OutcomeSide = "maybe" });
        Assert.False(r.IsSuccess);
        Assert.Contains("outcome_side", r.Error.Message);
    }

    [Fact]
    public void Amend_reply_with_nested_order_is_read()
    {
        var dto = JsonSerializer.Deserialize("""{"old_order":{"order_id":"o1","yes_price_dollars":"0.5000"},"order":{"order_id":"o1","client_order_id":"c","yes_price_dollars":"0.5500","remaining_count_fp":"3.00"},"ts_ms":7}""",
            KalshiJsonContext.Default.AmendOrderResponseDto)!;
        var a = WireMapper.ToAmendAck(dto).Value;
        Assert.Equal(new Price(5500), a.Price);
        Assert.Equal(Quantity.FromContracts(3), a.RemainingCount);
    }
}
