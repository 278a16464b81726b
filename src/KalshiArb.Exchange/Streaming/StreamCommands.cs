using System.Text.Json;

namespace KalshiArb.Exchange.Streaming;

/// <summary>
/// subscribe / unsubscribe / update_subscription / list_subscriptions for one connection. Replies are queued on
/// the session before any snapshot of the same command, so a client always sees "subscribed" first.
/// </summary>
internal sealed class StreamCommands(SimulatedExchange exchange)
{
    public void Handle(StreamSession session, ReadOnlyMemory<byte> text)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            session.Enqueue(StreamFrames.Error(null, 1, "Unable to process message"));
            return;
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                session.Enqueue(StreamFrames.Error(null, 1, "Unable to process message"));
                return;
            }
            long? id = root.TryGetProperty("id", out var idEl) && idEl.ValueKind == JsonValueKind.Number && idEl.TryGetInt64(out var i) ? i : null;
            var cmd = root.TryGetProperty("cmd", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
            var p = root.TryGetProperty("params", out var pe) && pe.ValueKind == JsonValueKind.Object ? pe : default;
            switch (cmd)
            {
                case "subscribe": Subscribe(session, id, p); break;
                case "unsubscribe": Unsubscribe(session, id, p); break;
                case "update_subscription": Update(session, id, p); break;
                case "list_subscriptions": List(session, id); break;
                default: session.Enqueue(StreamFrames.Error(id, 5, "Unknown command")); break;
            }
        }
    }

    private void Subscribe(StreamSession session, long? id, JsonElement p)
    {
        if (p.ValueKind != JsonValueKind.Object)
        {
            session.Enqueue(StreamFrames.Error(id, 2, "Params required"));
            return;
        }
        if (!p.TryGetProperty("channels", out var chs) || chs.ValueKind != JsonValueKind.Array || chs.GetArrayLength() == 0)
        {
            session.Enqueue(StreamFrames.Error(id, 3, "Channels required"));
            return;
        }
        var channels = new List<StreamChannel>();
        foreach (var ch in chs.EnumerateArray())
        {
            if (ch.ValueKind != JsonValueKind.String || !StreamChannelWire.TryParse(ch.GetString(), out var channel))
            {
                session.Enqueue(StreamFrames.Error(id, 8, $"Unknown channel name {ch}"));
                return;
            }
            channels.Add(channel);
        }
        if (!TryTickers(session, id, p, out var tickers)) return;

        foreach (var channel in channels)
        {
            var needsSnapshots = channel == StreamChannel.OrderbookDelta;
            // orderbook sids are always explicit lists so every market gets its own snapshot
            var all = tickers.Count == 0 && !needsSnapshots;
            StreamSubscription sub;
            lock (session.Gate)
            {
                sub = new StreamSubscription(session.NextSid(), channel, all);
                if (!needsSnapshots) sub.Markets.UnionWith(tickers);
                session.Subscriptions[sub.Sid] = sub;
                exchange.Hub.Added(sub);
                session.EnqueueLocked(StreamFrames.Reply("subscribed", id, null, new SubscribedMsg(channel.ToWire(), sub.Sid)));
            }
            if (!needsSnapshots) continue;
            var markets = tickers.Count == 0 ? exchange.Markets.Select(m => m.Ticker).ToList() : tickers;
            foreach (var t in markets) exchange.Market(t)!.SendBookSnapshot(session, sub, addToSubscription: true);
        }
    }

    private void Unsubscribe(StreamSession session, long? id, JsonElement p)
    {
        var sids = Sids(p);
        if (sids.Count == 0)
        {
            session.Enqueue(StreamFrames.Error(id, 2, "Params required: sids"));
            return;
        }
        lock (session.Gate)
        {
            foreach (var sid in sids)
            {
                if (!session.Subscriptions.Remove(sid, out var sub))
                {
                    session.EnqueueLocked(StreamFrames.Error(id, 11, $"unknown sid {sid}"));
                    continue;
                }
                exchange.Hub.RemoveLocked(sub);
                session.EnqueueLocked(StreamFrames.Reply("unsubscribed", id, sid, null));
            }
        }
    }

    private void Update(StreamSession session, long? id, JsonElement p)
    {
        var sids = p.ValueKind == JsonValueKind.Object ? Sids(p) : [];
        if (sids.Count != 1)
        {
            session.Enqueue(StreamFrames.Error(id, 12, "Exactly one sid required"));
            return;
        }
        var action = p.TryGetProperty("action", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
        if (action is null)
        {
            session.Enqueue(StreamFrames.Error(id, 15, "Action required"));
            return;
        }
        if (!TryTickers(session, id, p, out var tickers)) return;
        if (tickers.Count == 0)
        {
            session.Enqueue(StreamFrames.Error(id, 14, "Market ticker required"));
            return;
        }
        StreamSubscription? sub;
        lock (session.Gate) session.Subscriptions.TryGetValue(sids[0], out sub);
        if (sub is null)
        {
            session.Enqueue(StreamFrames.Error(id, 11, $"unknown sid {sids[0]}"));
            return;
        }
        var isBook = sub.Channel == StreamChannel.OrderbookDelta;
        switch (action)
        {
            case "add_markets":
                if (!isBook)
                {
                    lock (session.Gate) sub.Markets.UnionWith(tickers);
                }
                ReplyOk(session, id, sub, extra: isBook ? tickers : null);
                if (isBook)
                    foreach (var t in tickers) exchange.Market(t)!.SendBookSnapshot(session, sub, addToSubscription: true);
                break;
            case "delete_markets":
                lock (session.Gate) sub.Markets.ExceptWith(tickers);
                ReplyOk(session, id, sub, null);
                break;
            case "get_snapshot":
                if (!isBook)
                {
                    session.Enqueue(StreamFrames.Error(id, 13, "get_snapshot applies to orderbook_delta only"));
                    return;
                }
                ReplyOk(session, id, sub, null);
                foreach (var t in tickers) exchange.Market(t)!.SendBookSnapshot(session, sub, addToSubscription: false);
                break;
            default:
                session.Enqueue(StreamFrames.Error(id, 13, $"Unsupported action {action}"));
                break;
        }
    }

    private static void ReplyOk(StreamSession session, long? id, StreamSubscription sub, IReadOnlyList<string>? extra)
    {
        lock (session.Gate)
        {
            var markets = sub.Markets.Union(extra ?? []).Order(StringComparer.Ordinal).ToList();
            session.EnqueueLocked(StreamFrames.Reply("ok", id, sub.Sid, new MarketTickersMsg(markets)));
        }
    }

    private static void List(StreamSession session, long? id)
    {
        lock (session.Gate)
        {
            var list = session.Subscriptions.Values.OrderBy(s => s.Sid)
                .Select(s => new SubscriptionListItem(s.Sid, s.Channel.ToWire(), s.Markets.Order(StringComparer.Ordinal).ToList()))
                .ToList();
            session.EnqueueLocked(StreamFrames.Reply("ok", id, null, list));
        }
    }

    private bool TryTickers(StreamSession session, long? id, JsonElement p, out List<string> tickers)
    {
        tickers = [];
        if (p.TryGetProperty("market_tickers", out var mts) && mts.ValueKind == JsonValueKind.Array)
        {
            foreach (var t in mts.EnumerateArray())
                if (t.ValueKind == JsonValueKind.String) tickers.Add(t.GetString()!);
        }
        else if (p.TryGetProperty("market_ticker", out var mt) && mt.ValueKind == JsonValueKind.String)
        {
            tickers.Add(mt.GetString()!);
        }
        tickers = tickers.Distinct(StringComparer.Ordinal).ToList();
        foreach (var t in tickers)
        {
            if (exchange.Market(t) is null)
            {
                session.Enqueue(StreamFrames.Error(id, 16, $"Market not found: {t}"));
                return false;
            }
        }
        return true;
    }

    private static List<int> Sids(JsonElement p)
    {
        var sids = new List<int>();
        if (p.ValueKind != JsonValueKind.Object) return sids;
        if (p.TryGetProperty("sids", out var arr) && arr.ValueKind == JsonValueKind.Array)
        {
            foreach (var s in arr.EnumerateArray())
                if (s.ValueKind == JsonValueKind.Number && s.TryGetInt32(out var v)) sids.Add(v);
        }
        if (p.TryGetProperty("sid", out var one) && one.ValueKind == JsonValueKind.Number && one.TryGetInt32(out var single) && !sids.Contains(single)) sids.Add(single);
        // "sid" and "sids":[same] name one subscription, not two (clients send either or both).
        return sids;
    }
}
