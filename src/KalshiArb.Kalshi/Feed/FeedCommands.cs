using System.Buffers;
using System.Text;
using System.Text.Json;

namespace KalshiArb.Kalshi.Feed;

/// <summary>Builds the JSON text of WebSocket v2 commands.</summary>
public static class FeedCommands
{
    public static string Subscribe(long id, IReadOnlyCollection<string> channels, IReadOnlyCollection<string>? marketTickers) =>
        Write(id, "subscribe", w =>
        {
            Array(w, "channels", channels);
            if (marketTickers is { Count: > 0 }) Array(w, "market_tickers", marketTickers);
        });

    public static string Unsubscribe(long id, IReadOnlyCollection<long> sids) =>
        Write(id, "unsubscribe", w =>
        {
            w.WriteStartArray("sids");
            foreach (var s in sids) w.WriteNumberValue(s);
            w.WriteEndArray();
        });

    /// <summary>
    /// action: add_markets | delete_markets | get_snapshot. Sends "sid" as the protocol notes give it
    /// (some Kalshi docs show "sids":[sid]; a server refusing "sid" answers an error, which for a
    /// get_snapshot makes the session reconnect and resync instead of staying stuck).
    /// </summary>
    public static string UpdateSubscription(long id, long sid, string action, IReadOnlyCollection<string> marketTickers) =>
        Write(id, "update_subscription", w =>
        {
            w.WriteNumber("sid", sid);
            Array(w, "market_tickers", marketTickers);
            w.WriteString("action", action);
        });

    public static string ListSubscriptions(long id) => Write(id, "list_subscriptions", null);

    private static void Array(Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    private static string Write(long id, string cmd, Action<Utf8JsonWriter>? writeParams)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteNumber("id", id);
            w.WriteString("cmd", cmd);
            if (writeParams is not null)
            {
                w.WriteStartObject("params");
                writeParams(w);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
