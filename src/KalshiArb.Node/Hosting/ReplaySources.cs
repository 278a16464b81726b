using KalshiArb.Adapters.Recording.Common;
using KalshiArb.Adapters.Recording.Data;
using KalshiArb.Adapters.Recording.Providers;

namespace KalshiArb.Node.Hosting;

/// <summary>
/// A replay's outside world (<c>kalshiarb replay</c>): the market side's discovery, market data and odds, and the paper
/// venue's market data, all from one recording, and the clock every part reads (the replayed receive time).
/// </summary>
public sealed record ReplaySources(RecordedMarketDiscovery Discovery, RecordingMarketDataSource MarketData, RecordedOddsSource Odds, ReplayClock Clock);
