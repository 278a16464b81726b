using KalshiArb.Domain.Book;

namespace KalshiArb.Kalshi.Tests.Feed;

public sealed class FeedFrameParserTests
{
    private const string Phi = "KXNFLGAME-26SEP20PHITEN-PHI";

    private static ParsedFrame Parse(string json) => FeedFrameParser.Parse(Encoding.UTF8.GetBytes(json));

    private static T Event<T>(string json) where T : FeedEvent
    {
        var p = Parse(json);
        Assert.True(p.IsEvent, $"rejected: {p.Reason}");
        return Assert.IsType<T>(p.Event);
    }

    [Fact]
    public void Snapshot_parses_levels_in_fixed_point()
    {
        var s = Event<BookSnapshot>($$$"""{"type":"orderbook_snapshot","sid":1,"seq":1,"msg":{"market_ticker":"{{{Phi}}}","yes_dollars_fp":[["0.4700","3.00"],["0.4800","10.50"]],"no_dollars_fp":[["0.5200","1.00"]]}}""");
        Assert.Equal(Phi, s.MarketTicker);
        Assert.Equal((1L, 1L), (s.Sid, s.Seq));
        Assert.Equal([new BookLevel(new Price(4700), new Quantity(300)), new BookLevel(new Price(4800), new Quantity(1050))], s.YesBids.ToArray());
        Assert.Equal([new BookLevel(new Price(5200), new Quantity(100))], s.NoBids.ToArray());
    }

    [Fact]
    public void Snapshot_without_one_side_has_an_empty_side()
    {
        var s = Event<BookSnapshot>($$$"""{"type":"orderbook_snapshot","sid":1,"seq":1,"msg":{"market_ticker":"{{{Phi}}}","yes_dollars_fp":[["0.4700","3.00"]]}}""");
        Assert.Empty(s.NoBids);
    }

    [Fact]
    public void A_field_repeated_after_msg_wins_as_it_did_before_msg_was_read_in_place()
    {
        var d = Event<BookDelta>($$$"""{"type":"orderbook_delta","sid":1,"seq":2,"msg":{"market_ticker":"{{{Phi}}}","price_dollars":"0.5200","delta_fp":"1.00","side":"yes"},"seq":9,"sid":4}""");
        Assert.Equal((4L, 9L), (d.Sid, d.Seq));
    }

    [Fact]
    public void A_bad_field_inside_msg_of_a_truncated_frame_is_refused_as_invalid_json()
    {
        var p = Parse($$$"""{"type":"orderbook_delta","sid":1,"seq":2,"msg":{"market_ticker":"{{{Phi}}}","price_dollars":"9.9","delta_fp":"1.00""");
        Assert.Equal(FeedRejectReason.InvalidJson, p.Reason);
    }

    [Fact]
    public void A_known_ticker_and_its_escaped_spelling_are_the_same_pooled_string_and_a_bad_one_stays_refused()
    {
        var parser = new FeedFrameParser();
        ParsedFrame Delta(string tickerJson) => parser.ParseFrame(Encoding.UTF8.GetBytes(
            "{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\"" + tickerJson + "\",\"price_dollars\":\"0.52\",\"delta_fp\":\"1.00\",\"side\":\"yes\"}}"));
        var first = (BookDelta)Delta(Phi).Event!;
        var again = (BookDelta)Delta(Phi).Event!;
        var escaped = (BookDelta)Delta("\\u004BXNFLGAME-26SEP20PHITEN-PHI").Event!;
        Assert.Same(first.MarketTicker, again.MarketTicker);
        Assert.Same(first.MarketTicker, escaped.MarketTicker);
        Assert.Equal(FeedRejectReason.InvalidTicker, Delta("kxnflgame-26sep20phiten-phi").Reason);
        Assert.Equal(FeedRejectReason.InvalidTicker, Delta("kxnflgame-26sep20phiten-phi").Reason);
    }

    [Fact]
    public void Delta_parses_signed_change_with_fields_in_any_order()
    {
        var d = Event<BookDelta>($$$"""{"msg":{"ts_ms":1781159387354,"side":"no","delta_fp":"-1.00","price_dollars":"0.5200","market_ticker":"{{{Phi}}}"},"seq":2,"sid":1,"type":"orderbook_delta"}""");
        Assert.Equal(OutcomeSide.No, d.Side);
        Assert.Equal(new Price(5200), d.Price);
        Assert.Equal(new Quantity(-100), d.Delta);
        Assert.Equal(1781159387354, d.TsMs);
        Assert.Equal(2, d.Seq);
    }

    [Fact]
    public void Same_ticker_string_is_reused_across_frames()
    {
        var json = $$$"""{"type":"orderbook_delta","sid":1,"seq":2,"msg":{"market_ticker":"{{{Phi}}}","price_dollars":"0.5200","delta_fp":"1.00","side":"yes"}}""";
        var parser = new FeedFrameParser();
        var a = (BookDelta)parser.ParseFrame(Encoding.UTF8.GetBytes(json)).Event!;
        var b = (BookDelta)parser.ParseFrame(Encoding.UTF8.GetBytes(json)).Event!;
        Assert.Same(a.MarketTicker, b.MarketTicker);
    }

    [Fact]
    public void Ticker_trade_fill_parse()
    {
        var t = Event<TickerUpdate>($$$"""{"type":"ticker","sid":11,"msg":{"market_ticker":"{{{Phi}}}","price_dollars":"0.5600","yes_bid_dollars":"0.5500","yes_ask_dollars":"0.5700","volume_fp":"1200.00","open_interest_fp":"300.00","ts_ms":1781159387354}}""");
        Assert.Equal(new Price(5500), t.YesBid);
        Assert.Equal(new Price(5700), t.YesAsk);
        Assert.Equal(Quantity.FromContracts(1200), t.Volume);

        var tr = Event<TradePrint>($$$"""{"type":"trade","sid":11,"msg":{"trade_id":"tr-1","market_ticker":"{{{Phi}}}","yes_price_dollars":"0.5600","no_price_dollars":"0.4400","count_fp":"2.50","taker_side":"yes","ts_ms":1781159387354}}""");
        Assert.Equal("tr-1", tr.TradeId);
        Assert.Equal(new Quantity(250), tr.Count);
        Assert.Equal(new Price(4400), tr.NoPrice);
        Assert.Equal(OutcomeSide.Yes, tr.TakerSide);

        var f = Event<FillReport>($$$"""{"type":"fill","sid":13,"msg":{"trade_id":"tr-2","order_id":"o-1","market_ticker":"{{{Phi}}}","is_taker":true,"outcome_side":"yes","book_side":"bid","yes_price_dollars":"0.5600","count_fp":"1.00","fee_cost":"0.0200","post_position_fp":"-3.00","client_order_id":"exec-7","ts_ms":1781159387354}}""");
        Assert.Equal("o-1", f.OrderId);
        Assert.Equal("exec-7", f.ClientOrderId);
        Assert.True(f.IsTaker);
        Assert.Equal(OutcomeSide.Yes, f.Outcome);
        Assert.Equal(OrderSide.Bid, f.Side);
        Assert.Equal(Money.FromCents(2), f.Fee);
        Assert.Equal(Quantity.FromContracts(-3), f.PostPosition);
    }

    [Fact]
    public void User_order_position_and_lifecycle_parse()
    {
        var o = Event<UserOrderUpdate>($$$"""{"type":"user_order","sid":14,"msg":{"order_id":"o-1","client_order_id":"exec-7","ticker":"{{{Phi}}}","status":"canceled","side":"bid","yes_price_dollars":"0.5600","fill_count_fp":"1.00","remaining_count_fp":"0.00","initial_count_fp":"5.00","ts_ms":5}}""");
        Assert.Equal(KalshiOrderStatus.Canceled, o.Status);
        Assert.Equal(Quantity.FromContracts(5), o.InitialCount);
        Assert.Equal(Phi, o.MarketTicker);
        Assert.Equal(OrderSide.Bid, o.Side);

        var plural = Event<UserOrderUpdate>($$$"""{"type":"user_orders","sid":14,"msg":{"order_id":"o-2","market_ticker":"{{{Phi}}}","status":"resting"}}""");
        Assert.Equal(KalshiOrderStatus.Resting, plural.Status);

        var p = Event<MarketPositionUpdate>($$$"""{"type":"market_position","sid":15,"msg":{"market_ticker":"{{{Phi}}}","position_fp":"-4.00","market_exposure_dollars":"1.7600","realized_pnl_dollars":"0.1000","fees_paid_dollars":"0.0700"}}""");
        Assert.Equal(Quantity.FromContracts(-4), p.Position);
        Assert.Equal(Money.Parse("1.76"), p.Exposure);

        var l = Event<MarketLifecycle>($$$"""{"type":"market_lifecycle_v2","sid":16,"msg":{"market_ticker":"{{{Phi}}}","event_type":"determined","result":"yes","ts_ms":9}}""");
        Assert.Equal(LifecycleEventType.Determined, l.EventType);
        Assert.Equal(MarketResult.Yes, l.Result);
        Assert.Equal(Price.One, l.YesValue);

        var scalar = Event<MarketLifecycle>($$$"""{"type":"market_lifecycle_v2","sid":16,"msg":{"market_ticker":"{{{Phi}}}","event_type":"settled","result":"scalar","settlement_value_dollars":"0.3700","ts_ms":9}}""");
        Assert.Equal(Price.Parse("0.37"), scalar.YesValue);
        var unknown = Event<MarketLifecycle>($$$"""{"type":"market_lifecycle_v2","sid":16,"msg":{"market_ticker":"{{{Phi}}}","event_type":"settled","result":"scalar","settlement_value_dollars":null}}""");
        Assert.Null(unknown.YesValue);
        var closed = Event<MarketLifecycle>($$$"""{"type":"market_lifecycle_v2","sid":16,"msg":{"market_ticker":"{{{Phi}}}","event_type":"deactivated","result":"no"}}""");
        Assert.Null(closed.YesValue);
    }

    [Fact]
    public void Control_frames_parse()
    {
        var sub = Event<SubscriptionConfirmed>("""{"type":"subscribed","id":1,"msg":{"channel":"orderbook_delta","sid":7}}""");
        Assert.Equal((1L, "orderbook_delta", 7L), (sub.CommandId, sub.Channel, sub.Sid));

        var ok = Event<CommandAcknowledged>($$$"""{"id":3,"sid":7,"seq":9,"type":"ok","msg":{"market_tickers":["{{{Phi}}}"]}}""");
        Assert.Equal(3, ok.CommandId);
        Assert.Equal([Phi], ok.MarketTickers.ToArray());

        var err = Event<FeedCommandError>("""{"id":2,"type":"error","msg":{"code":25,"msg":"Buffer overflow"}}""");
        Assert.True(err.IsTerminal);
        Assert.Equal("Buffer overflow", err.Message);
        Assert.True(Event<FeedCommandError>("""{"id":2,"type":"error","msg":{"code":27,"msg":"Too many"}}""").IsTooManyRequests);
        Assert.False(Event<FeedCommandError>("""{"id":2,"type":"error","msg":{"code":8,"msg":"Unknown channel"}}""").IsTerminal);

        Assert.Equal(4, Event<SubscriptionEnded>("""{"type":"unsubscribed","id":5,"sid":4}""").Sid);
    }

    [Theory]
    [InlineData("", FeedRejectReason.InvalidJson)]
    [InlineData("{\"type\":\"orderbook_delta\",\"sid\":1,", FeedRejectReason.InvalidJson)]
    [InlineData("not json at all", FeedRejectReason.InvalidJson)]
    [InlineData("{\"type\":\"ticker\"} trailing", FeedRejectReason.InvalidJson)]
    [InlineData("[1,2,3]", FeedRejectReason.NotAnObject)]
    [InlineData("{\"sid\":1,\"msg\":{}}", FeedRejectReason.MissingType)]
    [InlineData("{\"type\":42}", FeedRejectReason.WrongFieldType)]
    [InlineData("{\"type\":\"orderbook_teleport\",\"sid\":1,\"msg\":{}}", FeedRejectReason.UnknownType)]
    [InlineData("{\"type\":\"orderbook_delta\",\"sid\":1,\"msg\":{\"market_ticker\":\"KXNFLGAME-A-B\",\"price_dollars\":\"0.52\",\"delta_fp\":\"1.00\",\"side\":\"yes\"}}", FeedRejectReason.MissingField)]
    [InlineData("{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\"KXNFLGAME-A-B\",\"delta_fp\":\"1.00\",\"side\":\"yes\"}}", FeedRejectReason.MissingField)]
    [InlineData("{\"type\":\"orderbook_delta\",\"sid\":\"x\",\"seq\":2,\"msg\":{}}", FeedRejectReason.WrongFieldType)]
    [InlineData("{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":7,\"price_dollars\":\"0.52\",\"delta_fp\":\"1.00\",\"side\":\"yes\"}}", FeedRejectReason.WrongFieldType)]
    [InlineData("{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\"KXNFLGAME-A-B\",\"price_dollars\":\"1.5000\",\"delta_fp\":\"1.00\",\"side\":\"yes\"}}", FeedRejectReason.InvalidPrice)]
    [InlineData("{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\"KXNFLGAME-A-B\",\"price_dollars\":\"-0.1\",\"delta_fp\":\"1.00\",\"side\":\"yes\"}}", FeedRejectReason.InvalidPrice)]
    [InlineData("{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\"KXNFLGAME-A-B\",\"price_dollars\":\"0.5200001\",\"delta_fp\":\"1.00\",\"side\":\"yes\"}}", FeedRejectReason.InvalidPrice)]
    [InlineData("{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\"KXNFLGAME-A-B\",\"price_dollars\":\"0.52\",\"delta_fp\":\"1.001\",\"side\":\"yes\"}}", FeedRejectReason.InvalidQuantity)]
    [InlineData("{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\"KXNFLGAME-A-B\",\"price_dollars\":\"0.52\",\"delta_fp\":\"1.00\",\"side\":\"maybe\"}}", FeedRejectReason.InvalidSide)]
    [InlineData("{\"type\":\"orderbook_delta\",\"sid\":1,\"seq\":2,\"msg\":{\"market_ticker\":\"KXNFLGAME-A-B\",\"price_dollars\":true,\"delta_fp\":\"1.00\",\"side\":\"yes\"}}", FeedRejectReason.WrongFieldType)]
    [InlineData("{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"market_ticker\":\"KXNFLGAME-A-B\",\"yes_dollars_fp\":[[\"0.47\"]]}}", FeedRejectReason.WrongFieldType)]
    [InlineData("{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"market_ticker\":\"KXNFLGAME-A-B\",\"yes_dollars_fp\":[[\"0.47\",\"-3.00\"]]}}", FeedRejectReason.InvalidQuantity)]
    [InlineData("{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":{\"market_ticker\":\"KXNFLGAME-A-B\",\"yes_dollars_fp\":\"lots\"}}", FeedRejectReason.WrongFieldType)]
    [InlineData("{\"type\":\"orderbook_snapshot\",\"sid\":1,\"seq\":1,\"msg\":[]}", FeedRejectReason.WrongFieldType)]
    [InlineData("{\"type\":\"fill\",\"sid\":1,\"msg\":{\"trade_id\":\"t\",\"order_id\":\"o\",\"market_ticker\":\"KXNFLGAME-A-B\",\"yes_price_dollars\":\"0.5\",\"count_fp\":\"1.00\",\"fee_cost\":\"abc\"}}", FeedRejectReason.InvalidMoney)]
    [InlineData("{\"type\":\"fill\",\"sid\":1,\"msg\":{\"trade_id\":\"t\",\"order_id\":\"o\",\"market_ticker\":\"KXNFLGAME-A-B\",\"yes_price_dollars\":\"0.5\",\"count_fp\":\"1.00\",\"is_taker\":\"yes\"}}", FeedRejectReason.WrongFieldType)]
    [InlineData("{\"type\":\"trade\",\"sid\":1,\"msg\":{\"market_ticker\":\"KXNFLGAME-A-B\",\"yes_price_dollars\":\"0.5\",\"count_fp\":\"1.00\"}}", FeedRejectReason.MissingField)]
    [InlineData("{\"type\":\"error\",\"id\":1,\"msg\":{\"msg\":\"no code\"}}", FeedRejectReason.MissingField)]
    [InlineData("{\"type\":\"subscribed\",\"id\":1,\"msg\":{\"sid\":3}}", FeedRejectReason.MissingField)]
    public void Malformed_frames_are_refused_with_a_reason(string json, FeedRejectReason reason)
    {
        var p = Parse(json);
        Assert.False(p.IsEvent);
        Assert.Equal(reason, p.Reason);
    }

    [Fact]
    public void Parsing_a_delta_allocates_only_the_event()
    {
        var parser = new FeedFrameParser();
        var frame = Encoding.UTF8.GetBytes($$$"""{"type":"orderbook_delta","sid":1,"seq":2,"msg":{"market_ticker":"{{{Phi}}}","price_dollars":"0.5200","delta_fp":"-1.00","side":"no","ts_ms":1781159387354}}""");
        parser.ParseFrame(frame); // warm: pools the ticker, JITs
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++) Assert.True(parser.ParseFrame(frame).IsEvent);
        var perFrame = (GC.GetAllocatedBytesForCurrentThread() - before) / 1000.0;
        Assert.True(perFrame <= 96, $"{perFrame} bytes per frame");
    }

    [Fact]
    public void Random_garbage_never_throws()
    {
        var rng = new Random(42);
        var valid = Encoding.UTF8.GetBytes($$$"""{"type":"orderbook_delta","sid":1,"seq":2,"msg":{"market_ticker":"{{{Phi}}}","price_dollars":"0.5200","delta_fp":"-1.00","side":"no","ts_ms":1}}""");
        for (var i = 0; i < 20_000; i++)
        {
            var bytes = (byte[])valid.Clone();
            var flips = rng.Next(1, 4);
            for (var k = 0; k < flips; k++) bytes[rng.Next(bytes.Length)] = (byte)rng.Next(256);
            var cut = rng.Next(2) == 0 ? bytes : bytes[..rng.Next(bytes.Length)];
            var p = FeedFrameParser.Parse(cut);
            Assert.True(p.IsEvent || p.Reason != FeedRejectReason.None);
        }
    }

    [Fact]
    public void A_ticker_with_a_corrupted_byte_is_refused_not_turned_into_a_market()
    {
        var frame = Encoding.UTF8.GetBytes($$$"""{"type":"orderbook_snapshot","sid":1,"seq":1,"msg":{"market_ticker":"KXNBAGAME-26FEB07HOUOKC-OK#","yes_dollars_fp":[["0.4700","3.00"]]}}""");
        frame[Array.IndexOf(frame, (byte)'#')] = 0xFF;
        var p = FeedFrameParser.Parse(frame);
        Assert.False(p.IsEvent);
        Assert.Equal(FeedRejectReason.InvalidUtf8, p.Reason);
    }

    [Theory]
    [InlineData("KXNBAGAME-26FEB07HOUOKC-okc")]
    [InlineData("KXNBAGAME-26FEB07HOUOKC")]
    [InlineData("")]
    [InlineData("KXNBAGAME-26FEB07HOUOKC-OK\\u00ff")]
    [InlineData("KXNBAGAME-26FEB07HOUOKC-OK\\n")]
    [InlineData("KXNBAGAME-26FEB07HOUOKC-OKÇ")]
    public void Every_market_ticker_field_must_match_the_grammar(string ticker)
    {
        string[] frames =
        [
            $$$"""{"type":"orderbook_snapshot","sid":1,"seq":1,"msg":{"market_ticker":"{{{ticker}}}","yes_dollars_fp":[]}}""",
            $$$"""{"type":"orderbook_delta","sid":1,"seq":2,"msg":{"market_ticker":"{{{ticker}}}","price_dollars":"0.52","delta_fp":"1.00","side":"yes"}}""",
            $$$"""{"type":"ticker","sid":1,"msg":{"market_ticker":"{{{ticker}}}"}}""",
            $$$"""{"type":"trade","sid":1,"msg":{"trade_id":"t","market_ticker":"{{{ticker}}}","yes_price_dollars":"0.5","count_fp":"1.00"}}""",
            $$$"""{"type":"fill","sid":1,"msg":{"trade_id":"t","order_id":"o","market_ticker":"{{{ticker}}}","yes_price_dollars":"0.5","count_fp":"1.00"}}""",
            $$$"""{"type":"user_order","sid":1,"msg":{"order_id":"o","ticker":"{{{ticker}}}"}}""",
            $$$"""{"type":"market_position","sid":1,"msg":{"market_ticker":"{{{ticker}}}","position_fp":"1.00"}}""",
            $$$"""{"type":"market_lifecycle_v2","sid":1,"msg":{"market_ticker":"{{{ticker}}}","event_type":"created"}}""",
            $$$"""{"type":"ok","id":3,"sid":1,"msg":{"market_tickers":["{{{Phi}}}","{{{ticker}}}"]}}""",
        ];
        foreach (var f in frames)
        {
            var p = Parse(f);
            Assert.False(p.IsEvent, f);
            Assert.Equal(FeedRejectReason.InvalidTicker, p.Reason);
        }
    }

    [Fact]
    public void Non_ticker_strings_keep_their_real_characters()
    {
        var t = Event<TradePrint>($$$"""{"type":"trade","sid":1,"msg":{"trade_id":"té","market_ticker":"{{{Phi}}}","yes_price_dollars":"0.5","count_fp":"1.00","taker_side":"nö"}}""");
        Assert.Equal("t\u00e9", t.TradeId);
    }

    [Fact]
    public void Taker_sides_and_results_are_enums_and_unknown_words_are_kept_as_unknown_with_a_reason()
    {
        var no = Event<TradePrint>($$$"""{"type":"trade","sid":1,"msg":{"trade_id":"t","market_ticker":"{{{Phi}}}","yes_price_dollars":"0.5","count_fp":"1.00","taker_side":"no"}}""");
        Assert.Equal(OutcomeSide.No, no.TakerSide);
        var none = Parse($$$"""{"type":"trade","sid":1,"msg":{"trade_id":"t","market_ticker":"{{{Phi}}}","yes_price_dollars":"0.5","count_fp":"1.00","taker_side":null}}""");
        Assert.Equal((FeedRejectReason.None, (OutcomeSide?)null), (none.Reason, Assert.IsType<TradePrint>(none.Event).TakerSide));

        var odd = Parse($$$"""{"type":"trade","sid":1,"msg":{"trade_id":"t","market_ticker":"{{{Phi}}}","yes_price_dollars":"0.5","count_fp":"1.00","taker_side":"nö"}}""");
        Assert.True(odd.IsEvent);
        Assert.Equal(FeedRejectReason.UnknownTakerSide, odd.Reason);
        Assert.Null(Assert.IsType<TradePrint>(odd.Event).TakerSide);
        var numeric = Parse($$$"""{"type":"trade","sid":1,"msg":{"trade_id":"t","market_ticker":"{{{Phi}}}","yes_price_dollars":"0.5","count_fp":"1.00","taker_side":1}}""");
        Assert.Equal(FeedRejectReason.WrongFieldType, numeric.Reason);
        Assert.False(numeric.IsEvent);

        foreach (var (word, expected) in new[] { ("\"no\"", MarketResult.No), ("\"scalar\"", MarketResult.Scalar), ("\"\"", MarketResult.None), ("null", MarketResult.None) })
        {
            var p = Parse($$$"""{"type":"market_lifecycle_v2","sid":16,"msg":{"market_ticker":"{{{Phi}}}","event_type":"determined","result":{{{word}}}}}""");
            Assert.Equal((FeedRejectReason.None, expected), (p.Reason, Assert.IsType<MarketLifecycle>(p.Event).Result));
        }
        var unknown = Parse($$$"""{"type":"market_lifecycle_v2","sid":16,"msg":{"market_ticker":"{{{Phi}}}","event_type":"settled","result":"void"}}""");
        Assert.Equal(FeedRejectReason.UnknownResult, unknown.Reason);
        var lifecycle = Assert.IsType<MarketLifecycle>(unknown.Event);
        Assert.Equal(MarketResult.Unknown, lifecycle.Result);
        Assert.Null(lifecycle.YesValue);
        Assert.Equal(Price.Zero, Event<MarketLifecycle>($$$"""{"type":"market_lifecycle_v2","sid":16,"msg":{"market_ticker":"{{{Phi}}}","event_type":"settled","result":"no"}}""").YesValue);
    }
}
