using System.Text.Json;

namespace KalshiArb.Exchange.Rest;

/// <summary>Strict parsing of V2 order bodies: numbers must be strings, enums exact; failures carry a reason.</summary>
internal static class OrderBodyParser
{
    public static ExchangeRejection? TryParseCreate(JsonElement body, out OrderRequest request)
    {
        request = null!;
        if (body.ValueKind != JsonValueKind.Object) return Bad("body must be a JSON object");
        if (!TryString(body, "ticker", required: true, out var ticker, out var err)) return err;
        if (!TryString(body, "client_order_id", required: false, out var clientId, out err)) return err;
        if (!TryString(body, "side", required: true, out var sideText, out err)) return err;
        OrderSide side;
        if (sideText == "bid") side = OrderSide.Bid;
        else if (sideText == "ask") side = OrderSide.Ask;
        else return Bad("side must be \"bid\" or \"ask\"");

        err = TryCount(body, "count", required: true, out var count);
        if (err is not null) return err;
        err = TryPrice(body, "price", out var price);
        if (err is not null) return err;

        if (!TryString(body, "time_in_force", required: false, out var tifText, out err)) return err;
        TimeInForce tif;
        switch (tifText)
        {
            case null or "good_till_canceled": tif = TimeInForce.GoodTillCanceled; break;
            case "immediate_or_cancel": tif = TimeInForce.ImmediateOrCancel; break;
            case "fill_or_kill": tif = TimeInForce.FillOrKill; break;
            default: return Bad("time_in_force must be fill_or_kill, good_till_canceled or immediate_or_cancel");
        }

        if (!TryString(body, "self_trade_prevention_type", required: false, out var stpText, out err)) return err;
        SelfTradePrevention stp;
        switch (stpText)
        {
            case null or "taker_at_cross": stp = SelfTradePrevention.TakerAtCross; break;
            case "maker": stp = SelfTradePrevention.Maker; break;
            default: return Bad("self_trade_prevention_type must be taker_at_cross or maker");
        }

        if (!TryBool(body, "post_only", out var postOnly, out err)) return err;
        if (clientId is { Length: 0 }) return Bad("client_order_id must not be empty");

        // whether it is already past is the market's call, on its own clock
        if (!TryString(body, "expiration_time", required: false, out var expiresText, out err)) return err;
        long? expiresMs = null;
        if (expiresText is not null)
        {
            if (!WireTime.TryParse(expiresText, out var expires))
                return Bad($"expiration_time '{expiresText}' must be an RFC 3339 time like \"2026-09-20T17:00:00Z\"");
            expiresMs = expires.ToUnixTimeMilliseconds();
        }
        request = new OrderRequest(ticker!, clientId, side, price, count!.Value, tif, stp, postOnly, expiresMs);
        return null;
    }

    public static ExchangeRejection? TryParseDecrease(JsonElement body, out Quantity? reduceBy, out Quantity? reduceTo)
    {
        reduceBy = null;
        reduceTo = null;
        if (body.ValueKind != JsonValueKind.Object) return Bad("body must be a JSON object");
        var err = TryCount(body, "reduce_by", required: false, out reduceBy);
        if (err is not null) return err;
        err = TryCount(body, "reduce_to", required: false, out reduceTo);
        if (err is not null) return err;
        if (reduceBy is null == reduceTo is null) return Bad("give exactly one of reduce_by or reduce_to");
        return null;
    }

    public static ExchangeRejection? TryParseAmend(JsonElement body, out Price price, out Quantity count)
    {
        price = default;
        count = default;
        if (body.ValueKind != JsonValueKind.Object) return Bad("body must be a JSON object");
        var err = TryPrice(body, "price", out price);
        if (err is not null) return err;
        err = TryCount(body, "count", required: true, out var c);
        if (err is not null) return err;
        count = c!.Value;
        return null;
    }

    private static ExchangeRejection? TryPrice(JsonElement body, string name, out Price price)
    {
        price = default;
        if (!body.TryGetProperty(name, out var p)) return Bad($"{name} is required");
        if (p.ValueKind != JsonValueKind.String) return new ExchangeRejection(ExchangeRejectCode.InvalidPrice, $"{name} must be a string like \"0.5600\"");
        var perr = Price.TryParse(p.GetString(), out price);
        return perr == WireParseError.None ? null : new ExchangeRejection(ExchangeRejectCode.InvalidPrice, $"{name} '{p.GetString()}': {perr}");
    }

    private static ExchangeRejection? TryCount(JsonElement body, string name, bool required, out Quantity? count)
    {
        count = null;
        if (!body.TryGetProperty(name, out var c) || c.ValueKind == JsonValueKind.Null)
            return required ? Bad($"{name} is required") : null;
        if (c.ValueKind != JsonValueKind.String) return Bad($"{name} must be a string like \"10.00\"");
        var cerr = Quantity.TryParse(c.GetString(), out var q);
        if (cerr != WireParseError.None) return Bad($"{name} '{c.GetString()}': {cerr}");
        count = q;
        return null;
    }

    private static bool TryString(JsonElement body, string name, bool required, out string? value, out ExchangeRejection? error)
    {
        value = null;
        error = null;
        if (!body.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required) error = Bad($"{name} is required");
            return !required;
        }
        if (v.ValueKind != JsonValueKind.String)
        {
            error = Bad($"{name} must be a string");
            return false;
        }
        value = v.GetString();
        return true;
    }

    private static bool TryBool(JsonElement body, string name, out bool value, out ExchangeRejection? error)
    {
        value = false;
        error = null;
        if (!body.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null) return true;
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            value = v.GetBoolean();
            return true;
        }
        error = Bad($"{name} must be a boolean");
        return false;
    }

    private static ExchangeRejection Bad(string message) => new(ExchangeRejectCode.InvalidParameters, message);
}
