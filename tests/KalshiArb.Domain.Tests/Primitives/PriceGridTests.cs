namespace KalshiArb.Domain.Tests.Primitives;

public class PriceGridTests
{
    private static PriceRange Range(string start, string end, string step) =>
        new(Price.Parse(start), Price.Parse(end), Price.Parse(step));

    // A "deci-cent tails" layout: fine steps near the edges, cents in the middle.
    private static readonly PriceGrid Tails = new([
        Range("0.0000", "0.1000", "0.0010"),
        Range("0.1000", "0.9000", "0.0100"),
        Range("0.9000", "1.0000", "0.0010"),
    ]);

    [Theory]
    [InlineData("0.01", WireParseError.None)]
    [InlineData("0.99", WireParseError.None)]
    [InlineData("0.52", WireParseError.None)]
    [InlineData("0.5250", WireParseError.OffPriceGrid)]
    [InlineData("0.00", WireParseError.OffPriceGrid)]
    [InlineData("1.00", WireParseError.OffPriceGrid)]
    public void Cent_grid_validation(string price, WireParseError expected) =>
        Assert.Equal(expected, PriceGrid.Cents.Validate(Price.Parse(price)));

    [Fact]
    public void Out_of_range_ticks_are_refused() =>
        Assert.Equal(WireParseError.OutOfRange, PriceGrid.Cents.Validate(new Price(10001)));

    [Theory]
    [InlineData("0.0030", true)]
    [InlineData("0.0035", false)]
    [InlineData("0.1000", true)]
    [InlineData("0.1010", false)]
    [InlineData("0.5300", true)]
    [InlineData("0.9010", true)]
    [InlineData("0.8950", false)]
    public void Multi_range_validation(string price, bool valid) =>
        Assert.Equal(valid, Tails.Contains(Price.Parse(price)));

    [Theory]
    [InlineData("0.5250", "0.5200")]
    [InlineData("0.99", "0.9900")]
    [InlineData("0.9999", "0.9900")]
    [InlineData("0.0150", "0.0100")]
    public void Floor_to_cent_grid(string price, string expected) =>
        Assert.Equal(Price.Parse(expected), PriceGrid.Cents.FloorToGrid(Price.Parse(price)));

    [Fact]
    public void Floor_below_grid_is_null() => Assert.Null(PriceGrid.Cents.FloorToGrid(new Price(50)));

    [Fact]
    public void Floor_picks_highest_candidate_across_ranges() =>
        Assert.Equal(Price.Parse("0.9050"), Tails.FloorToGrid(Price.Parse("0.9055")));

    [Fact]
    public void Invalid_ranges_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new PriceGrid([]));
        Assert.Throws<ArgumentException>(() => new PriceGrid([Range("0.50", "0.40", "0.01")]));
        Assert.Throws<ArgumentException>(() => new PriceGrid([Range("0.10", "0.90", "0")]));
        Assert.Throws<ArgumentException>(() => new PriceGrid([new PriceRange(new Price(100), new Price(10100), new Price(100))]));
    }

    [Property]
    public Property Floor_result_is_on_grid_and_not_above() =>
        Prop.ForAll(Gen.Choose(0, Price.TicksPerDollar).ToArbitrary(), ticks =>
        {
            var p = new Price(ticks);
            var f = Tails.FloorToGrid(p);
            return f is { } v && v <= p && Tails.Contains(v) && (Tails.Contains(p) ? v == p : v < p);
        });

    [Property]
    public Property Cent_grid_accepts_exactly_whole_cents_1_to_99() =>
        Prop.ForAll(Gen.Choose(0, Price.TicksPerDollar).ToArbitrary(), ticks =>
            PriceGrid.Cents.Contains(new Price(ticks)) == (ticks % 100 == 0 && ticks >= 100 && ticks <= 9900));
}
