using System.Globalization;
using System.Text.Json;

namespace KalshiArb.Odds.Api;

/// <summary>The outcome of parsing one /odds body: events kept, and what was skipped and why.</summary>
public sealed record OddsParseResult(
    MalformedReason? BodyRejection,
    IReadOnlyList<OddsApiEvent> Events,
    IReadOnlyDictionary<MalformedReason, int> Skipped)
{
    public bool IsOk => BodyRejection is null;
}

/// <summary>
/// Parses /v4/sports/{sport}/odds answers by hand (JsonDocument) so every defect gets its own
/// reason instead of one serializer exception. An element with a defect is skipped; a body that is
/// not a JSON array is refused whole.
/// </summary>
public static class OddsApiParser
{
    public static OddsParseResult Parse(ReadOnlySpan<byte> utf8Body, OddsFormat format)
    {
        // the reader checks structure, not the bytes inside strings: reading one would throw later
        if (!System.Text.Unicode.Utf8.IsValid(utf8Body)) return new OddsParseResult(MalformedReason.NotUtf8, [], new Dictionary<MalformedReason, int>());
        JsonDocument doc;
        try
        {
            var reader = new Utf8JsonReader(utf8Body);
            doc = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            return new OddsParseResult(MalformedReason.NotJson, [], new Dictionary<MalformedReason, int>());
        }

        using (doc)
        {
            var skipped = new Dictionary<MalformedReason, int>();
            if (doc.RootElement.ValueKind != JsonValueKind.Array)
                return new OddsParseResult(MalformedReason.NotAnArray, [], skipped);
            var events = new List<OddsApiEvent>();
            foreach (var e in doc.RootElement.EnumerateArray())
            {
                var ev = ParseEvent(e, format, out var reason, skipped);
                if (ev is not null) events.Add(ev);
                else Count(skipped, reason);
            }
            return new OddsParseResult(null, events, skipped);
        }
    }

    public static OddsParseResult Parse(string body, OddsFormat format) => Parse(System.Text.Encoding.UTF8.GetBytes(body), format);

    private static void Count(Dictionary<MalformedReason, int> counts, MalformedReason reason) =>
        counts[reason] = counts.GetValueOrDefault(reason) + 1;

    private static OddsApiEvent? ParseEvent(JsonElement e, OddsFormat format, out MalformedReason reason, Dictionary<MalformedReason, int> skipped)
    {
        reason = MalformedReason.EventNotAnObject;
        if (e.ValueKind != JsonValueKind.Object) return null;
        reason = MalformedReason.EventMissingField;
        if (!Str(e, "id", out var id) || !Str(e, "home_team", out var home) || !Str(e, "away_team", out var away)) return null;
        var sport = Str(e, "sport_key", out var s) ? s : "";
        reason = MalformedReason.EventBadCommenceTime;
        if (!Time(e, "commence_time", out var commence)) return null;

        var books = new List<OddsApiBookmaker>();
        if (e.TryGetProperty("bookmakers", out var bms))
        {
            reason = MalformedReason.EventMissingField;
            if (bms.ValueKind != JsonValueKind.Array) return null;
            foreach (var b in bms.EnumerateArray())
            {
                var book = ParseBookmaker(b, format, out var bookReason, skipped);
                if (book is not null) books.Add(book);
                else Count(skipped, bookReason);
            }
        }
        return new OddsApiEvent(id, sport, commence, home, away, books, format);
    }

    private static OddsApiBookmaker? ParseBookmaker(JsonElement b, OddsFormat format, out MalformedReason reason, Dictionary<MalformedReason, int> skipped)
    {
        reason = MalformedReason.BookmakerMissingField;
        if (b.ValueKind != JsonValueKind.Object || !Str(b, "key", out var key)) return null;
        var title = Str(b, "title", out var t) ? t : key;
        reason = MalformedReason.BookmakerBadLastUpdate;
        if (!Time(b, "last_update", out var lastUpdate)) return null;
        reason = MalformedReason.BookmakerMissingField;
        if (!b.TryGetProperty("markets", out var ms) || ms.ValueKind != JsonValueKind.Array) return null;

        var markets = new List<OddsApiMarket>();
        foreach (var m in ms.EnumerateArray())
        {
            var market = ParseMarket(m, format, out var marketReason);
            if (market is not null) markets.Add(market);
            else Count(skipped, marketReason);
        }
        return new OddsApiBookmaker(key, title, lastUpdate, markets);
    }

    /// <summary>A market with any bad outcome is dropped whole: half a line would de-vig wrongly.</summary>
    private static OddsApiMarket? ParseMarket(JsonElement m, OddsFormat format, out MalformedReason reason)
    {
        reason = MalformedReason.MarketMissingField;
        if (m.ValueKind != JsonValueKind.Object || !Str(m, "key", out var key)) return null;
        if (!m.TryGetProperty("outcomes", out var os) || os.ValueKind != JsonValueKind.Array) return null;
        DateTimeOffset? lastUpdate = null;
        if (m.TryGetProperty("last_update", out var lu) && lu.ValueKind != JsonValueKind.Null)
        {
            if (!Time(m, "last_update", out var parsed)) return null;
            lastUpdate = parsed;
        }

        var outcomes = new List<OddsApiOutcome>();
        foreach (var o in os.EnumerateArray())
        {
            reason = MalformedReason.OutcomeMissingField;
            if (o.ValueKind != JsonValueKind.Object || !Str(o, "name", out var name)) return null;
            if (!o.TryGetProperty("price", out var p) || p.ValueKind != JsonValueKind.Number) return null;
            reason = MalformedReason.OutcomeBadPrice;
            if (!p.TryGetDouble(out var price) || ImpliedProbability.TryFrom(price, format, out _) != OddsRejection.None) return null;
            outcomes.Add(new OddsApiOutcome(name, price));
        }
        return new OddsApiMarket(key, lastUpdate, outcomes);
    }

    private static bool Str(JsonElement obj, string name, out string value)
    {
        value = "";
        if (!obj.TryGetProperty(name, out var v) || !TryText(v, out value)) return false;
        return value.Length > 0;
    }

    /// <summary>ISO-8601 (dateFormat=iso, the default) or Unix seconds (dateFormat=unix).</summary>
    private static bool Time(JsonElement obj, string name, out DateTimeOffset value)
    {
        value = default;
        if (!obj.TryGetProperty(name, out var v)) return false;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var unix) && unix is > 0 and < 253_402_300_799)
        {
            value = DateTimeOffset.FromUnixTimeSeconds(unix);
            return true;
        }
        return TryText(v, out var text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    /// <summary>A string's text; false for other kinds and for an escaped lone surrogate (which GetString refuses by throwing).</summary>
    private static bool TryText(JsonElement v, out string text)
    {
        text = "";
        if (v.ValueKind != JsonValueKind.String) return false;
        try
        {
            text = v.GetString()!;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
