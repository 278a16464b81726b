using Akka.Configuration;
using KalshiArb.Actors.Market;
using KalshiArb.Domain.Detection;
using KalshiArb.Domain.Primitives;

namespace KalshiArb.Node.Hosting;

/// <summary>
/// kalshiarb.market.strategies: which detection strategies every market runs and the mean-reversion parameters.
/// A bad value throws with the key and the allowed range (StartupCheck shows it before the node starts).
/// </summary>
public static class StrategyConfig
{
    public static MarketActorSettings Apply(MarketActorSettings market, Config strategies)
    {
        ArgumentNullException.ThrowIfNull(market);
        var consensus = strategies.GetBoolean("consensus-edge.enabled");
        var mr = strategies.GetConfig("mean-reversion");
        var meanReversion = mr.GetBoolean("enabled") ? MeanReversion(mr, market.Policy) : null;
        if (!consensus && meanReversion is null)
            throw new InvalidOperationException("kalshiarb.market.strategies: no strategy is enabled (consensus-edge.enabled and mean-reversion.enabled are both off)");
        return market with { ConsensusEdge = consensus, MeanReversion = meanReversion };
    }

    private static MeanReversionPolicy MeanReversion(Config c, DetectionPolicy consensus)
    {
        var interval = c.GetTimeSpan("candle-interval");
        if (interval < TimeSpan.FromSeconds(1)) throw Bad("candle-interval", "at least 1s", interval.ToString());
        var lookback = c.GetInt("lookback-candles");
        if (lookback is < 2 or > 500) throw Bad("lookback-candles", "between 2 and 500", lookback.ToString());
        var multiple = c.GetDouble("deviation-multiple");
        if (!(multiple is > 0 and <= 20)) throw Bad("deviation-multiple", "in (0, 20]", multiple.ToString());
        var share = c.GetDouble("reversion-share");
        if (!(share is > 0 and <= 1)) throw Bad("reversion-share", "in (0, 1]", share.ToString());
        var kelly = c.GetDouble("kelly-fraction");
        if (!(kelly is > 0 and <= 1)) throw Bad("kelly-fraction", "in (0, 1]", kelly.ToString());
        var minEdge = c.GetDouble("min-edge");
        if (!(minEdge is > 0 and < 1)) throw Bad("min-edge", "in (0, 1) dollars", minEdge.ToString());
        var tapeAge = c.GetTimeSpan("max-tape-age");
        if (tapeAge <= TimeSpan.Zero) throw Bad("max-tape-age", "a positive duration", tapeAge.ToString());
        return new MeanReversionPolicy
        {
            CandleInterval = interval,
            Lookback = lookback,
            DeviationMultiple = multiple,
            MinDeviation = PriceSetting(c, "min-deviation"),
            ReversionShare = share,
            MaxTapeAge = tapeAge,
            // book age, max edge and minimum size as the consensus strategy has them; edge and Kelly its own
            Sizing = consensus with { MinEdge = minEdge, KellyFraction = kelly },
        };
    }

    /// <summary>Exact fixed-point text (e.g. 0.03), never through a double.</summary>
    private static Price PriceSetting(Config c, string key)
    {
        var text = c.GetString(key);
        return Price.TryParse(text, out var p) == WireParseError.None && p > Price.Zero && p < Price.One
            ? p
            : throw Bad(key, "a price in (0, 1) such as 0.03", text);
    }

    private static InvalidOperationException Bad(string key, string allowed, string? got) =>
        new($"kalshiarb.market.strategies.mean-reversion.{key} must be {allowed}, got '{got}'");
}
