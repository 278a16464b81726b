using KalshiArb.Domain.Detection;
using KalshiArb.Domain.Primitives;
using KalshiArb.Node.Hosting.Startup;

namespace KalshiArb.Node.Tests.Hosting.Startup;

/// <summary>kalshiarb.market.strategies: the shipped default, an enabling overlay, and each bad value refused before start.</summary>
public sealed class StrategyConfigSpec : IDisposable
{
    private static readonly Func<string, string?> NoEnvironment = _ => null;
    private readonly string _dir = Directory.CreateTempSubdirectory("ka-strategies-").FullName;

    private NodeSettings Settings => new() { DataDirectory = Path.Combine(_dir, "data"), LogDirectory = Path.Combine(_dir, "logs") };

    private string Overlay(string text)
    {
        var path = Path.Combine(_dir, $"overlay-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void By_default_only_the_consensus_strategy_runs()
    {
        var market = TradingConfig.From(AkkaConfigComposer.Compose(Settings)).Market;
        Assert.True(market.ConsensusEdge);
        Assert.Null(market.MeanReversion);
    }

    [Fact]
    public void An_overlay_turns_mean_reversion_on_with_its_parameters_and_the_consensus_sizing_rules()
    {
        var settings = Settings with
        {
            ConfigOverlayPath = Overlay("""
                kalshiarb.market.strategies.mean-reversion {
                  enabled = true
                  candle-interval = 30s
                  lookback-candles = 10
                  deviation-multiple = 2
                  min-deviation = 0.04
                  min-edge = 0.03
                }
                """),
        };
        Assert.Empty(StartupCheck.Run(settings, NoEnvironment, false));
        var market = TradingConfig.From(AkkaConfigComposer.Compose(settings)).Market;
        var mr = Assert.IsType<MeanReversionPolicy>(market.MeanReversion);
        Assert.True(market.ConsensusEdge);
        Assert.Equal(TimeSpan.FromSeconds(30), mr.CandleInterval);
        Assert.Equal(10, mr.Lookback);
        Assert.Equal(2.0, mr.DeviationMultiple);
        Assert.Equal(Price.FromCents(4), mr.MinDeviation);
        Assert.Equal(0.03, mr.Sizing.MinEdge);
        Assert.Equal(market.Policy.MaxEdge, mr.Sizing.MaxEdge);
        Assert.Equal(market.Policy.MaxBookAge, mr.Sizing.MaxBookAge);
    }

    [Theory]
    [InlineData("kalshiarb.market.strategies.mean-reversion { enabled = true, lookback-candles = 1 }", "lookback-candles must be between 2 and 500, got '1'")]
    [InlineData("kalshiarb.market.strategies.mean-reversion { enabled = true, deviation-multiple = 0 }", "deviation-multiple must be in (0, 20]")]
    [InlineData("kalshiarb.market.strategies.mean-reversion { enabled = true, min-deviation = 1.5 }", "min-deviation must be a price in (0, 1)")]
    [InlineData("kalshiarb.market.strategies.mean-reversion { enabled = true, reversion-share = 2 }", "reversion-share must be in (0, 1]")]
    [InlineData("kalshiarb.market.strategies.mean-reversion { enabled = true, candle-interval = 10ms }", "candle-interval must be at least 1s")]
    [InlineData("kalshiarb.market.strategies.consensus-edge.enabled = false", "no strategy is enabled")]
    public void A_bad_strategy_setting_is_refused_before_start_with_its_key(string overlay, string reason)
    {
        var p = Assert.Single(StartupCheck.Run(Settings with { ConfigOverlayPath = Overlay(overlay) }, NoEnvironment, false));
        Assert.Contains(reason, p.Reason);
    }

    [Fact]
    public void Mean_reversion_alone_is_allowed()
    {
        var settings = Settings with
        {
            ConfigOverlayPath = Overlay("kalshiarb.market.strategies { consensus-edge.enabled = false, mean-reversion.enabled = true }"),
        };
        Assert.Empty(StartupCheck.Run(settings, NoEnvironment, false));
        Assert.False(TradingConfig.From(AkkaConfigComposer.Compose(settings)).Market.ConsensusEdge);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); }
        catch (IOException) { }
    }
}
