namespace KalshiArb.Node.Tests.Hosting;

/// <summary>kalshiarb.market.max-edge / max-book-spread and kalshiarb.feed.max-frame-bytes / kalshiarb.simulator.drift-per-tick: shipped defaults, overrides, refusals.</summary>
public sealed class MarketDataSettingsSpec : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ka-mdata-").FullName;

    private TradingConfig With(string overlayText)
    {
        var overlay = Path.Combine(_dir, "overlay.conf");
        File.WriteAllText(overlay, overlayText);
        return TradingConfig.From(AkkaConfigComposer.Compose(new NodeSettings { DataDirectory = _dir, ConfigOverlayPath = overlay }));
    }

    [Fact]
    public void Shipped_defaults_are_ten_cents_eight_points_and_one_mebibyte()
    {
        var c = TradingConfig.From(AkkaConfigComposer.Compose(new NodeSettings { DataDirectory = _dir }));
        Assert.Equal(Money.FromCents(10), c.Market.Policy.MaxEdge);
        Assert.Equal(0.08, c.Market.Policy.MaxBookSpread);
        Assert.Equal(1 << 20, c.FeedMaxFrameBytes);
        Assert.Equal(0.005, c.SimulatorDriftPerTick);
    }

    [Fact]
    public void Overrides_are_read_exactly()
    {
        var c = With("kalshiarb.market.max-edge = 0.0725\nkalshiarb.market.max-book-spread = 0.05\nkalshiarb.feed.max-frame-bytes = 65536\n");
        Assert.Equal(new Money(725), c.Market.Policy.MaxEdge);
        Assert.Equal(0.05, c.Market.Policy.MaxBookSpread);
        Assert.Equal(65_536, c.FeedMaxFrameBytes);
        Assert.Equal(0.02, With("kalshiarb.simulator.drift-per-tick = 0.02\n").SimulatorDriftPerTick);
    }

    [Theory]
    [InlineData("kalshiarb.market.max-edge = 0.00001", "max-edge")]
    [InlineData("kalshiarb.market.max-edge = -0.10", "max-edge")]
    [InlineData("kalshiarb.market.max-edge = ten", "max-edge")]
    [InlineData("kalshiarb.market.max-book-spread = 0", "max-book-spread")]
    [InlineData("kalshiarb.market.max-book-spread = 1.5", "max-book-spread")]
    [InlineData("kalshiarb.feed.max-frame-bytes = 0", "max-frame-bytes")]
    [InlineData("kalshiarb.simulator.drift-per-tick = -0.01", "drift-per-tick")]
    public void Nonsense_values_are_refused_naming_the_setting(string line, string setting)
    {
        var ex = Assert.Throws<InvalidOperationException>(() => With(line + "\n"));
        Assert.Contains(setting, ex.Message);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
