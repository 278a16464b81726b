using KalshiArb.Exchange.Accounts;
using KalshiArb.Exchange.Catalog;
using KalshiArb.Exchange.Faults;

namespace KalshiArb.Exchange.Liquidity;

/// <summary>
/// Simulated makers quoting a ladder around each market's hidden fair value and takers trading now and then.
/// Everything goes through the market's matching engine under synthetic accounts. One caller at a time (the tick loop).
/// </summary>
internal sealed class SyntheticLiquidity
{
    private readonly LiquidityOptions _options;
    private readonly IReadOnlyList<MarketRuntime> _markets;
    private readonly FairValueBoard _fairValues;
    private readonly FaultController _faults;
    private readonly AccountLedger _maker;
    private readonly AccountLedger _taker;
    private readonly List<Quote>[] _quotes;
    private readonly Random[] _rngs;
    private readonly Lock _tickGate = new();

    public SyntheticLiquidity(LiquidityOptions options, IReadOnlyList<MarketRuntime> markets, FairValueBoard fairValues,
        FaultController faults, AccountLedger maker, AccountLedger taker, int seed)
    {
        _options = options;
        _markets = markets;
        _fairValues = fairValues;
        _faults = faults;
        _maker = maker;
        _taker = taker;
        _quotes = new List<Quote>[markets.Count];
        _rngs = new Random[markets.Count];
        for (var i = 0; i < markets.Count; i++)
        {
            _quotes[i] = [];
            _rngs[i] = new Random(unchecked(seed * 65_537 + i * 977 + 3));
        }
    }

    public void Tick()
    {
        if (!_options.Enabled) return;
        lock (_tickGate)
        {
            for (var i = 0; i < _markets.Count; i++)
            {
                var market = _markets[i];
                if (_faults.IsPaused(market.Ticker) || market.Status != MarketStatus.Active) continue;
                Requote(i, market);
                if (_rngs[i].NextDouble() < _options.TakerProbabilityPerTick) Take(i, market);
            }
        }
    }

    private void Requote(int i, MarketRuntime market)
    {
        var rng = _rngs[i];
        var fairCents = _fairValues.QuotedYesProbability(market.Info) * 100.0;
        var bestBid = Math.Clamp((int)Math.Floor(fairCents - _options.HalfSpreadCents), 1, 98);
        var bestAsk = Math.Clamp((int)Math.Ceiling(fairCents + _options.HalfSpreadCents), bestBid + 1, 99);

        var desired = new HashSet<(OrderSide, int)>();
        for (var k = 0; k < _options.LevelsPerSide; k++)
        {
            if (bestBid - k >= 1) desired.Add((OrderSide.Bid, bestBid - k));
            if (bestAsk + k <= 99) desired.Add((OrderSide.Ask, bestAsk + k));
        }

        var quotes = _quotes[i];
        for (var q = quotes.Count - 1; q >= 0; q--)
        {
            var quote = quotes[q];
            var live = market.IsLive(quote.OrderId);
            var wanted = live && !_options.ChurnAllQuotes && desired.Remove((quote.Side, quote.YesCents));
            if (wanted) continue;
            if (live) market.CancelSynthetic(_maker, quote.OrderId);
            quotes.RemoveAt(q);
        }

        foreach (var (side, cents) in desired.OrderBy(d => d.Item1).ThenBy(d => d.Item2))
        {
            var size = Tradable(market, _options.QuoteSizesHundredths[rng.Next(_options.QuoteSizesHundredths.Count)]);
            var placed = market.SubmitSynthetic(_maker, new NewOrder(_maker.AccountId, side, Price.FromCents(cents),
                size, TimeInForce.GoodTillCanceled, SelfTradePrevention.Maker));
            if (placed is { Status: EngineOrderStatus.Resting }) quotes.Add(new Quote(placed.OrderId, side, cents));
        }
    }

    private void Take(int i, MarketRuntime market)
    {
        var rng = _rngs[i];
        var top = market.Top();
        var buyYes = rng.Next(2) == 0;
        Price? yesPrice = buyYes ? top.YesAsk : top.YesBid;
        if (yesPrice is null || yesPrice.Value.Ticks <= 0 || yesPrice.Value.Ticks >= Price.TicksPerDollar) return;
        var size = Tradable(market, 1 + rng.NextInt64(Math.Max(1, _options.MaxTakerHundredths)));
        market.SubmitSynthetic(_taker, new NewOrder(_taker.AccountId, buyYes ? OrderSide.Bid : OrderSide.Ask, yesPrice.Value,
            size, TimeInForce.ImmediateOrCancel, SelfTradePrevention.TakerAtCross));
    }

    /// <summary>
    /// A drawn size as the market can trade it: on a market without fractional trading, whole contracts (at least one),
    /// so its book and trade tape never show counts no client could have placed there.
    /// </summary>
    private static Quantity Tradable(MarketRuntime market, long hundredths)
    {
        var size = new Quantity(hundredths);
        if (market.Info.FractionalTradingEnabled) return size;
        return Quantity.Max(size.WholeContracts, Quantity.FromContracts(1));
    }

    private readonly record struct Quote(string OrderId, OrderSide Side, int YesCents);
}
