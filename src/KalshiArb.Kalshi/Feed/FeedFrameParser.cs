using KalshiArb.Domain.Book;
using System.Buffers.Text;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace KalshiArb.Kalshi.Feed;

/// <summary>
/// Parses one Kalshi WebSocket v2 frame (UTF-8 JSON) into a typed <see cref="FeedEvent"/> or a
/// <see cref="FeedRejectReason"/>. Pure and synchronous; never throws on bad input. Reads with
/// Utf8JsonReader in two passes (envelope, then "msg") so field order does not matter and the only
/// allocations are the event itself and its non-ticker strings (tickers are pooled). A frame that is not valid
/// UTF-8 is refused whole (JSON text must be UTF-8, and a corrupted byte in a ticker would otherwise become a
/// phantom market); every market ticker must match <see cref="MarketTickerGrammar"/>.
/// An instance is not thread-safe; the static <see cref="Parse"/> uses one instance per thread.
/// </summary>
public sealed class FeedFrameParser
{
    [ThreadStatic] private static FeedFrameParser? t_shared;

    private readonly StringPool _tickers = new(16_384);
    private readonly KnownTickers _knownTickers = new(16_384);

    public static ParsedFrame Parse(ReadOnlySpan<byte> utf8) => (t_shared ??= new FeedFrameParser()).ParseFrame(utf8);

    private enum Kind { Unknown, Subscribed, Unsubscribed, Ok, Error, Snapshot, Delta, Ticker, Trade, Fill, UserOrder, MarketPosition, Lifecycle }

    public ParsedFrame ParseFrame(ReadOnlySpan<byte> utf8)
    {
        // the reader checks JSON structure, not the bytes inside strings: validate the encoding first
        if (!Utf8.IsValid(utf8)) return ParsedFrame.Reject(FeedRejectReason.InvalidUtf8);
        try
        {
            return ParseCore(utf8);
        }
        catch (JsonException)
        {
            return ParsedFrame.Reject(FeedRejectReason.InvalidJson);
        }
        catch (InvalidOperationException)
        {
            // a reader getter met a token of another type
            return ParsedFrame.Reject(FeedRejectReason.WrongFieldType);
        }
    }

    private ParsedFrame ParseCore(ReadOnlySpan<byte> utf8)
    {
        var r = new Utf8JsonReader(utf8);
        if (!r.Read()) return ParsedFrame.Reject(FeedRejectReason.InvalidJson);
        if (r.TokenType != JsonTokenType.StartObject) return ParsedFrame.Reject(FeedRejectReason.NotAnObject);

        var kind = Kind.Unknown;
        var typeSeen = false;
        long? id = null, sid = null, seq = null;
        int msgStart = -1, msgEnd = -1;
        // Kalshi sends type, sid and seq before msg: then msg is read where it stands, in the one pass over the frame.
        // Any other order (or a field repeated after msg) falls back to reading msg again once the envelope is known.
        ParsedFrame? readInPlace = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("type"u8))
            {
                r.Read();
                if (r.TokenType != JsonTokenType.String) return ParsedFrame.Reject(FeedRejectReason.WrongFieldType);
                kind = Classify(ref r);
                typeSeen = true;
                readInPlace = null;
            }
            else if (r.ValueTextEquals("msg"u8))
            {
                r.Read();
                msgStart = (int)r.TokenStartIndex;
                readInPlace = null;
                if (IsMarketData(kind) && sid is not null && (seq is not null || !NeedsSeq(kind)))
                {
                    var parsed = ParseMarketData(kind, ref r, sid.Value, seq);
                    if (parsed.Event is null)
                    {
                        // the reader stopped inside msg: a frame that is not even JSON is refused as that first
                        while (r.Read()) { }
                        return parsed;
                    }
                    readInPlace = parsed;
                }
                else r.Skip();
                msgEnd = (int)r.BytesConsumed;
            }
            else if (r.ValueTextEquals("sid"u8))
            {
                r.Read();
                if (!TryLong(ref r, out var v)) return ParsedFrame.Reject(FeedRejectReason.WrongFieldType);
                sid = v;
                readInPlace = null;
            }
            else if (r.ValueTextEquals("seq"u8))
            {
                r.Read();
                if (!TryLong(ref r, out var v)) return ParsedFrame.Reject(FeedRejectReason.WrongFieldType);
                seq = v;
                readInPlace = null;
            }
            else if (r.ValueTextEquals("id"u8))
            {
                r.Read();
                if (!TryLong(ref r, out var v)) return ParsedFrame.Reject(FeedRejectReason.WrongFieldType);
                id = v;
            }
            else
            {
                r.Read();
                r.Skip();
            }
        }
        // drain to the end so truncated or trailing garbage is refused as invalid JSON
        while (r.Read()) { }

        if (readInPlace is { } readAlready) return readAlready;
        if (!typeSeen) return ParsedFrame.Reject(FeedRejectReason.MissingType);
        if (kind == Kind.Unknown) return ParsedFrame.Reject(FeedRejectReason.UnknownType);
        var msg = msgStart >= 0 ? utf8[msgStart..msgEnd] : ReadOnlySpan<byte>.Empty;
        switch (kind)
        {
            case Kind.Subscribed: return ParseSubscribed(msg, id, sid);
            case Kind.Unsubscribed: return sid is null ? ParsedFrame.Reject(FeedRejectReason.MissingField) : ParsedFrame.Of(new SubscriptionEnded(id, sid.Value));
            case Kind.Ok: return ParseOk(msg, id, sid);
            case Kind.Error: return ParseError(msg, id);
        }
        if (msg.IsEmpty || sid is null || (NeedsSeq(kind) && seq is null)) return ParsedFrame.Reject(FeedRejectReason.MissingField);
        var m = new Utf8JsonReader(msg);
        m.Read();
        return ParseMarketData(kind, ref m, sid.Value, seq);
    }

    private static bool IsMarketData(Kind kind) => kind is >= Kind.Snapshot and <= Kind.Lifecycle;

    private static bool NeedsSeq(Kind kind) => kind is Kind.Snapshot or Kind.Delta;

    /// <summary>Reads msg from its first token (the reader stands on it) to its end; sid and seq come from the envelope.</summary>
    private ParsedFrame ParseMarketData(Kind kind, ref Utf8JsonReader r, long sid, long? seq) => kind switch
    {
        Kind.Snapshot => ParseSnapshot(ref r, sid, seq!.Value),
        Kind.Delta => ParseDelta(ref r, sid, seq!.Value),
        Kind.Ticker => ParseTicker(ref r, sid),
        Kind.Trade => ParseTrade(ref r, sid),
        Kind.Fill => ParseFill(ref r, sid),
        Kind.UserOrder => ParseUserOrder(ref r, sid),
        Kind.MarketPosition => ParsePosition(ref r, sid),
        Kind.Lifecycle => ParseLifecycle(ref r, sid),
        _ => ParsedFrame.Reject(FeedRejectReason.UnknownType),
    };

    private static Kind Classify(ref Utf8JsonReader r)
    {
        if (r.ValueTextEquals("orderbook_delta"u8)) return Kind.Delta;
        if (r.ValueTextEquals("orderbook_snapshot"u8)) return Kind.Snapshot;
        if (r.ValueTextEquals("ticker"u8)) return Kind.Ticker;
        if (r.ValueTextEquals("trade"u8)) return Kind.Trade;
        if (r.ValueTextEquals("fill"u8)) return Kind.Fill;
        if (r.ValueTextEquals("user_order"u8) || r.ValueTextEquals("user_orders"u8)) return Kind.UserOrder;
        if (r.ValueTextEquals("market_position"u8) || r.ValueTextEquals("market_positions"u8)) return Kind.MarketPosition;
        if (r.ValueTextEquals("market_lifecycle_v2"u8)) return Kind.Lifecycle;
        if (r.ValueTextEquals("subscribed"u8)) return Kind.Subscribed;
        if (r.ValueTextEquals("unsubscribed"u8)) return Kind.Unsubscribed;
        if (r.ValueTextEquals("ok"u8)) return Kind.Ok;
        if (r.ValueTextEquals("error"u8)) return Kind.Error;
        return Kind.Unknown;
    }

    // ---------- control frames ----------

    private ParsedFrame ParseSubscribed(ReadOnlySpan<byte> msg, long? id, long? sid)
    {
        string? channel = null;
        Span<char> buf = stackalloc char[64];
        if (!msg.IsEmpty)
        {
            var r = Open(msg, out var bad);
            if (bad != FeedRejectReason.None) return ParsedFrame.Reject(bad);
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("channel"u8))
                {
                    r.Read();
                    if (r.TokenType != JsonTokenType.String) return ParsedFrame.Reject(FeedRejectReason.WrongFieldType);
                    channel = _tickers.Intern(buf[..Chars(ref r, buf)]);
                }
                else if (r.ValueTextEquals("sid"u8))
                {
                    r.Read();
                    if (!TryLong(ref r, out var v)) return ParsedFrame.Reject(FeedRejectReason.WrongFieldType);
                    sid = v;
                }
                else Skip(ref r);
            }
        }
        if (string.IsNullOrEmpty(channel) || sid is null) return ParsedFrame.Reject(FeedRejectReason.MissingField);
        return ParsedFrame.Of(new SubscriptionConfirmed(id ?? 0, channel, sid.Value));
    }

    private ParsedFrame ParseOk(ReadOnlySpan<byte> msg, long? id, long? sid)
    {
        var tickers = ImmutableArray<string>.Empty;
        if (!msg.IsEmpty && msg[0] == (byte)'{')
        {
            var r = Open(msg, out var bad);
            if (bad != FeedRejectReason.None) return ParsedFrame.Reject(bad);
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("market_tickers"u8))
                {
                    r.Read();
                    if (r.TokenType != JsonTokenType.StartArray) return ParsedFrame.Reject(FeedRejectReason.WrongFieldType);
                    var b = ImmutableArray.CreateBuilder<string>();
                    while (r.Read() && r.TokenType != JsonTokenType.EndArray)
                    {
                        var e = MarketTicker(ref r, out var t);
                        if (e != FeedRejectReason.None) return ParsedFrame.Reject(e);
                        b.Add(t!);
                    }
                    tickers = b.ToImmutable();
                }
                else if (r.ValueTextEquals("sid"u8))
                {
                    r.Read();
                    if (TryLong(ref r, out var v)) sid = v;
                }
                else Skip(ref r);
            }
        }
        return ParsedFrame.Of(new CommandAcknowledged(id, sid, tickers));
    }

    private static ParsedFrame ParseError(ReadOnlySpan<byte> msg, long? id)
    {
        if (msg.IsEmpty) return ParsedFrame.Reject(FeedRejectReason.MissingField);
        var r = Open(msg, out var bad);
        if (bad != FeedRejectReason.None) return ParsedFrame.Reject(bad);
        int? code = null;
        string message = "";
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("code"u8))
            {
                r.Read();
                if (!TryLong(ref r, out var v) || v is < int.MinValue or > int.MaxValue) return ParsedFrame.Reject(FeedRejectReason.WrongFieldType);
                code = (int)v;
            }
            else if (r.ValueTextEquals("msg"u8))
            {
                r.Read();
                message = r.TokenType == JsonTokenType.String ? r.GetString() ?? "" : "";
            }
            else Skip(ref r);
        }
        return code is null ? ParsedFrame.Reject(FeedRejectReason.MissingField) : ParsedFrame.Of(new FeedCommandError(id, code.Value, message));
    }

    // ---------- market data ----------

    private ParsedFrame ParseSnapshot(ref Utf8JsonReader r, long sid, long seq)
    {
        if (r.TokenType != JsonTokenType.StartObject) return ParsedFrame.Reject(FeedRejectReason.WrongFieldType);
        string? ticker = null;
        ImmutableArray<BookLevel> yes = [], no = [];
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            FeedRejectReason e;
            if (r.ValueTextEquals("market_ticker"u8)) e = ReadTicker(ref r, out ticker);
            else if (r.ValueTextEquals("yes_dollars_fp"u8) || r.ValueTextEquals("yes_dollars"u8)) { r.Read(); e = Levels(ref r, out yes); }
            else if (r.ValueTextEquals("no_dollars_fp"u8) || r.ValueTextEquals("no_dollars"u8)) { r.Read(); e = Levels(ref r, out no); }
            else { Skip(ref r); e = FeedRejectReason.None; }
            if (e != FeedRejectReason.None) return ParsedFrame.Reject(e);
        }
        return ticker is null ? ParsedFrame.Reject(FeedRejectReason.MissingField) : ParsedFrame.Of(new BookSnapshot(ticker, sid, seq, yes, no));
    }

    private ParsedFrame ParseDelta(ref Utf8JsonReader r, long sid, long seq)
    {
        if (r.TokenType != JsonTokenType.StartObject) return ParsedFrame.Reject(FeedRejectReason.WrongFieldType);
        string? ticker = null;
        Price? price = null;
        Quantity? delta = null;
        OutcomeSide? side = null;
        long? ts = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            FeedRejectReason e;
            if (r.ValueTextEquals("market_ticker"u8)) e = ReadTicker(ref r, out ticker);
            else if (r.ValueTextEquals("price_dollars"u8)) e = ReadPrice(ref r, out price);
            else if (r.ValueTextEquals("delta_fp"u8)) e = ReadSignedCount(ref r, out delta);
            else if (r.ValueTextEquals("side"u8)) e = ReadSide(ref r, out side);
            else if (r.ValueTextEquals("ts_ms"u8)) e = ReadLong(ref r, out ts);
            else { Skip(ref r); e = FeedRejectReason.None; }
            if (e != FeedRejectReason.None) return ParsedFrame.Reject(e);
        }
        if (ticker is null || price is null || delta is null || side is null) return ParsedFrame.Reject(FeedRejectReason.MissingField);
        return ParsedFrame.Of(new BookDelta(ticker, sid, seq, side.Value, price.Value, delta.Value, ts));
    }

    private ParsedFrame ParseTicker(ref Utf8JsonReader r, long sid)
    {
        if (r.TokenType != JsonTokenType.StartObject) return ParsedFrame.Reject(FeedRejectReason.WrongFieldType);
        string? ticker = null;
        Price? last = null, bid = null, ask = null;
        Quantity? volume = null, oi = null;
        long? ts = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            FeedRejectReason e;
            if (r.ValueTextEquals("market_ticker"u8)) e = ReadTicker(ref r, out ticker);
            else if (r.ValueTextEquals("price_dollars"u8)) e = ReadPrice(ref r, out last);
            else if (r.ValueTextEquals("yes_bid_dollars"u8)) e = ReadPrice(ref r, out bid);
            else if (r.ValueTextEquals("yes_ask_dollars"u8)) e = ReadPrice(ref r, out ask);
            else if (r.ValueTextEquals("volume_fp"u8)) e = ReadCount(ref r, out volume);
            else if (r.ValueTextEquals("open_interest_fp"u8)) e = ReadCount(ref r, out oi);
            else if (r.ValueTextEquals("ts_ms"u8)) e = ReadLong(ref r, out ts);
            else { Skip(ref r); e = FeedRejectReason.None; }
            if (e != FeedRejectReason.None) return ParsedFrame.Reject(e);
        }
        return ticker is null ? ParsedFrame.Reject(FeedRejectReason.MissingField) : ParsedFrame.Of(new TickerUpdate(ticker, sid, last, bid, ask, volume, oi, ts));
    }

    private ParsedFrame ParseTrade(ref Utf8JsonReader r, long sid)
    {
        if (r.TokenType != JsonTokenType.StartObject) return ParsedFrame.Reject(FeedRejectReason.WrongFieldType);
        string? ticker = null, tradeId = null;
        OutcomeSide? takerSide = null;
        var note = FeedRejectReason.None;
        Price? yes = null, no = null;
        Quantity? count = null;
        long? ts = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            FeedRejectReason e;
            if (r.ValueTextEquals("market_ticker"u8)) e = ReadTicker(ref r, out ticker);
            else if (r.ValueTextEquals("trade_id"u8)) e = ReadString(ref r, out tradeId);
            else if (r.ValueTextEquals("yes_price_dollars"u8)) e = ReadPrice(ref r, out yes);
            else if (r.ValueTextEquals("no_price_dollars"u8)) e = ReadPrice(ref r, out no);
            else if (r.ValueTextEquals("count_fp"u8)) e = ReadCount(ref r, out count);
            else if (r.ValueTextEquals("taker_side"u8)) e = ReadTakerSide(ref r, out takerSide, ref note);
            else if (r.ValueTextEquals("ts_ms"u8)) e = ReadLong(ref r, out ts);
            else { Skip(ref r); e = FeedRejectReason.None; }
            if (e != FeedRejectReason.None) return ParsedFrame.Reject(e);
        }
        if (ticker is null || tradeId is null || yes is null || count is null) return ParsedFrame.Reject(FeedRejectReason.MissingField);
        return ParsedFrame.Noted(new TradePrint(ticker, sid, tradeId, yes.Value, no, count.Value, takerSide, ts), note);
    }

    private ParsedFrame ParseFill(ref Utf8JsonReader r, long sid)
    {
        if (r.TokenType != JsonTokenType.StartObject) return ParsedFrame.Reject(FeedRejectReason.WrongFieldType);
        string? ticker = null, tradeId = null, orderId = null, clientId = null;
        OutcomeSide? outcome = null;
        OrderSide? bookSide = null;
        bool? isTaker = null;
        Price? yes = null;
        Quantity? count = null, post = null;
        Money? fee = null;
        long? ts = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            FeedRejectReason e;
            if (r.ValueTextEquals("market_ticker"u8) || r.ValueTextEquals("ticker"u8)) e = ReadTicker(ref r, out ticker);
            else if (r.ValueTextEquals("trade_id"u8)) e = ReadString(ref r, out tradeId);
            else if (r.ValueTextEquals("order_id"u8)) e = ReadString(ref r, out orderId);
            else if (r.ValueTextEquals("client_order_id"u8)) e = ReadString(ref r, out clientId);
            else if (r.ValueTextEquals("is_taker"u8)) e = ReadBool(ref r, out isTaker);
            else if (r.ValueTextEquals("outcome_side"u8)) e = ReadSide(ref r, out outcome);
            else if (r.ValueTextEquals("book_side"u8)) e = ReadOrderSide(ref r, out bookSide);
            else if (r.ValueTextEquals("yes_price_dollars"u8)) e = ReadPrice(ref r, out yes);
            else if (r.ValueTextEquals("count_fp"u8)) e = ReadCount(ref r, out count);
            else if (r.ValueTextEquals("fee_cost"u8)) e = ReadMoney(ref r, out fee);
            else if (r.ValueTextEquals("post_position_fp"u8)) e = ReadSignedCount(ref r, out post);
            else if (r.ValueTextEquals("ts_ms"u8)) e = ReadLong(ref r, out ts);
            else { Skip(ref r); e = FeedRejectReason.None; }
            if (e != FeedRejectReason.None) return ParsedFrame.Reject(e);
        }
        if (ticker is null || tradeId is null || orderId is null || yes is null || count is null) return ParsedFrame.Reject(FeedRejectReason.MissingField);
        return ParsedFrame.Of(new FillReport(ticker, sid, tradeId, orderId, clientId, isTaker ?? false, outcome, bookSide, yes.Value, count.Value,
            fee ?? Money.Zero, post, ts));
    }

    private ParsedFrame ParseUserOrder(ref Utf8JsonReader r, long sid)
    {
        if (r.TokenType != JsonTokenType.StartObject) return ParsedFrame.Reject(FeedRejectReason.WrongFieldType);
        string? ticker = null, orderId = null, clientId = null, status = null;
        OrderSide? side = null;
        Price? yes = null;
        Quantity? filled = null, remaining = null, initial = null;
        long? ts = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            FeedRejectReason e;
            if (r.ValueTextEquals("market_ticker"u8) || r.ValueTextEquals("ticker"u8)) e = ReadTicker(ref r, out ticker);
            else if (r.ValueTextEquals("order_id"u8)) e = ReadString(ref r, out orderId);
            else if (r.ValueTextEquals("client_order_id"u8)) e = ReadString(ref r, out clientId);
            else if (r.ValueTextEquals("status"u8)) e = ReadPooled(ref r, out status);
            else if (r.ValueTextEquals("side"u8) || r.ValueTextEquals("book_side"u8)) e = ReadOrderSide(ref r, out side);
            else if (r.ValueTextEquals("yes_price_dollars"u8)) e = ReadPrice(ref r, out yes);
            else if (r.ValueTextEquals("fill_count_fp"u8)) e = ReadCount(ref r, out filled);
            else if (r.ValueTextEquals("remaining_count_fp"u8)) e = ReadCount(ref r, out remaining);
            else if (r.ValueTextEquals("initial_count_fp"u8)) e = ReadCount(ref r, out initial);
            else if (r.ValueTextEquals("ts_ms"u8)) e = ReadLong(ref r, out ts);
            else { Skip(ref r); e = FeedRejectReason.None; }
            if (e != FeedRejectReason.None) return ParsedFrame.Reject(e);
        }
        if (ticker is null || orderId is null) return ParsedFrame.Reject(FeedRejectReason.MissingField);
        return ParsedFrame.Of(new UserOrderUpdate(ticker, sid, orderId, clientId, WireMapper.ParseOrderStatus(status), status, side, yes,
            filled, remaining, initial, ts));
    }

    private ParsedFrame ParsePosition(ref Utf8JsonReader r, long sid)
    {
        if (r.TokenType != JsonTokenType.StartObject) return ParsedFrame.Reject(FeedRejectReason.WrongFieldType);
        string? ticker = null;
        Quantity? position = null;
        Money? exposure = null, pnl = null, fees = null;
        long? ts = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            FeedRejectReason e;
            if (r.ValueTextEquals("market_ticker"u8) || r.ValueTextEquals("ticker"u8)) e = ReadTicker(ref r, out ticker);
            else if (r.ValueTextEquals("position_fp"u8)) e = ReadSignedCount(ref r, out position);
            else if (r.ValueTextEquals("market_exposure_dollars"u8) || r.ValueTextEquals("position_cost_dollars"u8)) e = ReadMoney(ref r, out exposure);
            else if (r.ValueTextEquals("realized_pnl_dollars"u8)) e = ReadMoney(ref r, out pnl);
            else if (r.ValueTextEquals("fees_paid_dollars"u8)) e = ReadMoney(ref r, out fees);
            else if (r.ValueTextEquals("ts_ms"u8)) e = ReadLong(ref r, out ts);
            else { Skip(ref r); e = FeedRejectReason.None; }
            if (e != FeedRejectReason.None) return ParsedFrame.Reject(e);
        }
        if (ticker is null || position is null) return ParsedFrame.Reject(FeedRejectReason.MissingField);
        return ParsedFrame.Of(new MarketPositionUpdate(ticker, sid, position.Value, exposure, pnl, fees, ts));
    }

    private ParsedFrame ParseLifecycle(ref Utf8JsonReader r, long sid)
    {
        if (r.TokenType != JsonTokenType.StartObject) return ParsedFrame.Reject(FeedRejectReason.WrongFieldType);
        string? ticker = null, eventType = null;
        var result = MarketResult.None;
        var note = FeedRejectReason.None;
        long? closeTs = null, ts = null;
        Price? settlementValue = null;
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            FeedRejectReason e;
            if (r.ValueTextEquals("market_ticker"u8)) e = ReadTicker(ref r, out ticker);
            else if (r.ValueTextEquals("event_type"u8)) e = ReadPooled(ref r, out eventType);
            else if (r.ValueTextEquals("result"u8)) e = ReadResult(ref r, out result, ref note);
            else if (r.ValueTextEquals("close_ts"u8)) e = ReadLong(ref r, out closeTs);
            else if (r.ValueTextEquals("settlement_value_dollars"u8)) e = ReadPrice(ref r, out settlementValue);
            else if (r.ValueTextEquals("ts_ms"u8)) e = ReadLong(ref r, out ts);
            else { Skip(ref r); e = FeedRejectReason.None; }
            if (e != FeedRejectReason.None) return ParsedFrame.Reject(e);
        }
        if (ticker is null || eventType is null) return ParsedFrame.Reject(FeedRejectReason.MissingField);
        var type = eventType switch
        {
            "created" => LifecycleEventType.Created,
            "activated" => LifecycleEventType.Activated,
            "deactivated" => LifecycleEventType.Deactivated,
            "close_date_updated" => LifecycleEventType.CloseDateUpdated,
            "determined" => LifecycleEventType.Determined,
            "settled" => LifecycleEventType.Settled,
            _ => LifecycleEventType.Unknown,
        };
        return ParsedFrame.Noted(new MarketLifecycle(ticker, sid, type, eventType, result, closeTs, ts)
        {
            SettlementValue = settlementValue,
        }, note);
    }

    // ---------- field readers: each reads the value after a property name ----------

    private static Utf8JsonReader Open(ReadOnlySpan<byte> msg, out FeedRejectReason bad)
    {
        var r = new Utf8JsonReader(msg);
        r.Read();
        bad = r.TokenType == JsonTokenType.StartObject ? FeedRejectReason.None : FeedRejectReason.WrongFieldType;
        return r;
    }

    private static void Skip(ref Utf8JsonReader r)
    {
        r.Read();
        r.Skip();
    }

    private static bool TryLong(ref Utf8JsonReader r, out long value)
    {
        value = 0;
        if (r.TokenType == JsonTokenType.Number) return r.TryGetInt64(out value);
        if (r.TokenType == JsonTokenType.String && !r.ValueIsEscaped && !r.HasValueSequence)
            return Utf8Parser.TryParse(r.ValueSpan, out value, out var used) && used == r.ValueSpan.Length;
        return false;
    }

    private static FeedRejectReason ReadLong(ref Utf8JsonReader r, out long? value)
    {
        r.Read();
        value = null;
        if (r.TokenType == JsonTokenType.Null) return FeedRejectReason.None;
        if (!TryLong(ref r, out var v)) return FeedRejectReason.WrongFieldType;
        value = v;
        return FeedRejectReason.None;
    }

    private static FeedRejectReason ReadBool(ref Utf8JsonReader r, out bool? value)
    {
        r.Read();
        value = r.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => null,
        };
        return value is null && r.TokenType != JsonTokenType.Null ? FeedRejectReason.WrongFieldType : FeedRejectReason.None;
    }

    /// <summary>Writes the token's text as chars (strings unescaped, or raw number text); returns the length, 0 when neither or too long.</summary>
    private static int Chars(ref Utf8JsonReader r, scoped Span<char> buffer)
    {
        if (r.HasValueSequence) return 0;
        var raw = r.ValueSpan;
        if (raw.Length == 0 || raw.Length > buffer.Length) return 0;
        if (r.TokenType == JsonTokenType.String)
        {
            // escapes and non-ASCII need real decoding (the frame is already known to be valid UTF-8)
            if (r.ValueIsEscaped || !Ascii.IsValid(raw)) return r.CopyString(buffer);
        }
        else if (r.TokenType != JsonTokenType.Number) return 0;
        for (var i = 0; i < raw.Length; i++) buffer[i] = (char)raw[i];
        return raw.Length;
    }

    private static bool IsText(JsonTokenType t) => t is JsonTokenType.String or JsonTokenType.Number;

    private static FeedRejectReason ReadPrice(ref Utf8JsonReader r, out Price? value)
    {
        r.Read();
        value = null;
        if (r.TokenType == JsonTokenType.Null) return FeedRejectReason.None;
        if (!IsText(r.TokenType)) return FeedRejectReason.WrongFieldType;
        Span<char> buf = stackalloc char[32];
        var n = Chars(ref r, buf);
        if (Price.TryParse(buf[..n], out var p) != WireParseError.None) return FeedRejectReason.InvalidPrice;
        value = p;
        return FeedRejectReason.None;
    }

    private static FeedRejectReason ReadCount(ref Utf8JsonReader r, out Quantity? value)
    {
        r.Read();
        value = null;
        if (r.TokenType == JsonTokenType.Null) return FeedRejectReason.None;
        if (!IsText(r.TokenType)) return FeedRejectReason.WrongFieldType;
        Span<char> buf = stackalloc char[32];
        if (Quantity.TryParse(buf[..Chars(ref r, buf)], out var q) != WireParseError.None) return FeedRejectReason.InvalidQuantity;
        value = q;
        return FeedRejectReason.None;
    }

    private static FeedRejectReason ReadSignedCount(ref Utf8JsonReader r, out Quantity? value)
    {
        r.Read();
        value = null;
        if (r.TokenType == JsonTokenType.Null) return FeedRejectReason.None;
        if (!IsText(r.TokenType)) return FeedRejectReason.WrongFieldType;
        Span<char> buf = stackalloc char[32];
        if (Quantity.TryParseSigned(buf[..Chars(ref r, buf)], out var q) != WireParseError.None) return FeedRejectReason.InvalidQuantity;
        value = q;
        return FeedRejectReason.None;
    }

    private static FeedRejectReason ReadMoney(ref Utf8JsonReader r, out Money? value)
    {
        r.Read();
        value = null;
        if (r.TokenType == JsonTokenType.Null) return FeedRejectReason.None;
        if (!IsText(r.TokenType)) return FeedRejectReason.WrongFieldType;
        Span<char> buf = stackalloc char[32];
        if (Money.TryParse(buf[..Chars(ref r, buf)], out var m) != WireParseError.None) return FeedRejectReason.InvalidMoney;
        value = m;
        return FeedRejectReason.None;
    }

    private static FeedRejectReason ReadSide(ref Utf8JsonReader r, out OutcomeSide? side)
    {
        r.Read();
        side = null;
        if (r.TokenType == JsonTokenType.Null) return FeedRejectReason.None;
        if (r.TokenType != JsonTokenType.String) return FeedRejectReason.WrongFieldType;
        if (r.ValueTextEquals("yes"u8)) side = OutcomeSide.Yes;
        else if (r.ValueTextEquals("no"u8)) side = OutcomeSide.No;
        else return FeedRejectReason.InvalidSide;
        return FeedRejectReason.None;
    }

    /// <summary>A trade's taker side: an unknown word is noted (<paramref name="note"/>) and read as none, not refused.</summary>
    private static FeedRejectReason ReadTakerSide(ref Utf8JsonReader r, out OutcomeSide? side, ref FeedRejectReason note)
    {
        var e = ReadSide(ref r, out side);
        if (e != FeedRejectReason.InvalidSide) return e;
        note = FeedRejectReason.UnknownTakerSide;
        return FeedRejectReason.None;
    }

    /// <summary>A lifecycle result word ("" and null are none); an unknown word is noted and read as <see cref="MarketResult.Unknown"/>.</summary>
    private static FeedRejectReason ReadResult(ref Utf8JsonReader r, out MarketResult result, ref FeedRejectReason note)
    {
        r.Read();
        result = MarketResult.None;
        if (r.TokenType == JsonTokenType.Null) return FeedRejectReason.None;
        if (r.TokenType != JsonTokenType.String) return FeedRejectReason.WrongFieldType;
        if (r.ValueTextEquals(""u8)) return FeedRejectReason.None;
        if (r.ValueTextEquals("yes"u8)) result = MarketResult.Yes;
        else if (r.ValueTextEquals("no"u8)) result = MarketResult.No;
        else if (r.ValueTextEquals("scalar"u8)) result = MarketResult.Scalar;
        else
        {
            result = MarketResult.Unknown;
            note = FeedRejectReason.UnknownResult;
        }
        return FeedRejectReason.None;
    }

    private static FeedRejectReason ReadOrderSide(ref Utf8JsonReader r, out OrderSide? side)
    {
        r.Read();
        side = null;
        if (r.TokenType == JsonTokenType.Null) return FeedRejectReason.None;
        if (r.TokenType != JsonTokenType.String) return FeedRejectReason.WrongFieldType;
        if (r.ValueTextEquals("bid"u8)) side = OrderSide.Bid;
        else if (r.ValueTextEquals("ask"u8)) side = OrderSide.Ask;
        else return FeedRejectReason.InvalidSide;
        return FeedRejectReason.None;
    }

    /// <summary>A market ticker (the current token): a string that matches the ticker grammar, pooled.</summary>
    private FeedRejectReason MarketTicker(ref Utf8JsonReader r, out string? ticker)
    {
        ticker = null;
        if (r.TokenType != JsonTokenType.String) return FeedRejectReason.WrongFieldType;
        var plain = !r.ValueIsEscaped && !r.HasValueSequence;
        if (plain && _knownTickers.Find(r.ValueSpan) is { } known)
        {
            ticker = known;
            return FeedRejectReason.None;
        }
        Span<char> buf = stackalloc char[MarketTickerGrammar.MaxLength];
        var n = Chars(ref r, buf);
        // 0: empty or longer than any ticker may be
        if (n == 0 || MarketTickerGrammar.Check(buf[..n]) != TickerFault.None) return FeedRejectReason.InvalidTicker;
        ticker = _tickers.Intern(buf[..n]);
        // only unescaped text is remembered by its bytes: an escaped spelling of a ticker always takes the checked path
        if (plain) _knownTickers.Add(r.ValueSpan, ticker);
        return FeedRejectReason.None;
    }

    private FeedRejectReason ReadTicker(ref Utf8JsonReader r, out string? ticker)
    {
        r.Read();
        return MarketTicker(ref r, out ticker);
    }

    /// <summary>Short, repetitive strings (sides, statuses): pooled like tickers.</summary>
    private FeedRejectReason ReadPooled(ref Utf8JsonReader r, out string? value)
    {
        r.Read();
        value = null;
        if (r.TokenType == JsonTokenType.Null) return FeedRejectReason.None;
        if (r.TokenType != JsonTokenType.String) return FeedRejectReason.WrongFieldType;
        Span<char> buf = stackalloc char[128];
        var n = Chars(ref r, buf);
        value = n > 0 ? _tickers.Intern(buf[..n]) : r.GetString() ?? "";
        return FeedRejectReason.None;
    }

    private static FeedRejectReason ReadString(ref Utf8JsonReader r, out string? value)
    {
        r.Read();
        value = null;
        if (r.TokenType == JsonTokenType.Null) return FeedRejectReason.None;
        if (r.TokenType != JsonTokenType.String) return FeedRejectReason.WrongFieldType;
        value = r.GetString();
        return FeedRejectReason.None;
    }

    private FeedRejectReason Levels(ref Utf8JsonReader r, out ImmutableArray<BookLevel> levels)
    {
        levels = [];
        if (r.TokenType == JsonTokenType.Null) return FeedRejectReason.None;
        if (r.TokenType != JsonTokenType.StartArray) return FeedRejectReason.WrongFieldType;
        var b = ImmutableArray.CreateBuilder<BookLevel>();
        Span<char> buf = stackalloc char[32];
        while (r.Read() && r.TokenType != JsonTokenType.EndArray)
        {
            if (r.TokenType != JsonTokenType.StartArray) return FeedRejectReason.WrongFieldType;
            r.Read();
            if (!IsText(r.TokenType)) return FeedRejectReason.WrongFieldType;
            if (Price.TryParse(buf[..Chars(ref r, buf)], out var price) != WireParseError.None) return FeedRejectReason.InvalidPrice;
            r.Read();
            if (!IsText(r.TokenType)) return FeedRejectReason.WrongFieldType;
            if (Quantity.TryParse(buf[..Chars(ref r, buf)], out var size) != WireParseError.None) return FeedRejectReason.InvalidQuantity;
            r.Read();
            if (r.TokenType != JsonTokenType.EndArray) return FeedRejectReason.WrongFieldType;
            b.Add(new BookLevel(price, size));
        }
        levels = b.ToImmutable();
        return FeedRejectReason.None;
    }
}
